/**
 * The build stage's output (`npm run build:studio`) for the runtime test: the UI and the
 * playground from the repository's out/ when they are newer than their sources, built with the
 * project's own scripts otherwise; the headless bundle always built fresh (it takes a second).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { builtRenderer } from '../../../e2e/support/build-renderer';

const run = promisify(execFile);
export const REPO = path.resolve(__dirname, '../../../..');

async function newestMtime(entry: string): Promise<number> {
  const stat = await fs.stat(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  const names = await fs.readdir(entry);
  const times = await Promise.all(names.map((name) => newestMtime(path.join(entry, name))));
  return Math.max(stat.mtimeMs, ...times);
}

async function fresh(output: string, sources: string[]): Promise<boolean> {
  const built = await fs.stat(output).catch(() => undefined);
  if (built === undefined) return false;
  const times = await Promise.all(sources.map((source) => newestMtime(path.join(REPO, source))));
  return built.mtimeMs >= Math.max(...times);
}

async function script(args: string[]): Promise<void> {
  try {
    await run(process.execPath, args, { cwd: REPO });
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(
      `building the studio failed: node ${args.join(' ')}\n${stderr ?? String(error)}`,
    );
  }
}

export interface BuildOutput {
  /** `dist-headless` */
  headless: string;
  /** `out/renderer` */
  renderer: string;
  /** `out/playground` */
  playground: string;
}

export async function buildStageOutput(scratch: string): Promise<BuildOutput> {
  const headless = path.join(scratch, 'dist-headless');
  await script(['scripts/build-headless.mjs', path.join(headless, 'magneto.mjs')]);
  const renderer = await builtRenderer();
  const playground = path.join(REPO, 'out/playground');
  const playgroundSources = ['src-main/server/playground', 'scripts/build-playground.mjs'];
  if (!(await fresh(path.join(playground, 'index.html'), playgroundSources))) {
    await script(['scripts/build-playground.mjs', playground]);
  }
  return { headless, renderer, playground };
}
