// The sandbox worker from the headless bundle: scripts/build-headless.mjs emits it beside the CLI,
// and bundled engine code (here a small entry bundled into the same folder) finds and starts it.
import { execFile } from 'node:child_process';
import { access, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const REPO = path.resolve(__dirname, '../../..');
// Inside the repository, so that the bundles' external packages resolve from its node_modules.
const OUT_DIR = path.join(REPO, '.tmp', 'custom-helper-bundle-test');
/** A bundle without the worker beside it. */
const LONE_DIR = path.join(OUT_DIR, 'without-worker');
const ENTRY = path.join(__dirname, 'bundle-entry', 'render-custom-helper.ts');

/** The entry bundled into `dir`, as the CLI is. */
function bundleEntry(dir: string) {
  return build({
    entryPoints: [ENTRY],
    outfile: path.join(dir, 'render-custom-helper.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
}

const runEntry = (dir: string) =>
  run(process.execPath, [path.join(dir, 'render-custom-helper.mjs')], {
    cwd: dir,
    timeout: 60_000,
  });

interface Attempt {
  output?: string;
  error?: string;
  ms: number;
}

describe('custom helpers from the bundled engine on plain node', () => {
  beforeAll(async () => {
    await run(process.execPath, ['scripts/build-headless.mjs', path.join(OUT_DIR, 'magneto.mjs')], {
      cwd: REPO,
    });
    await bundleEntry(OUT_DIR);
    await bundleEntry(LONE_DIR);
  });
  afterAll(async () => {
    await rm(OUT_DIR, { recursive: true, force: true });
  });

  it('emits the worker beside the CLI', async () => {
    await expect(access(path.join(OUT_DIR, 'quickjs-worker.mjs'))).resolves.toBeUndefined();
  });

  it('renders, stops a runaway helper, renders again, and lets the process exit', async () => {
    const { stdout } = await runEntry(OUT_DIR);
    const { first, runaway, after } = JSON.parse(stdout) as Record<string, Attempt>;
    expect(first).toMatchObject({ output: 'HI!' });
    expect(runaway).toMatchObject({
      error: 'custom helper "spin" failed: ran longer than 100 ms and was stopped',
    });
    expect(runaway?.ms).toBeLessThan(3000);
    expect(after).toMatchObject({ output: 'AGAIN! 3' });
  });

  it('says so clearly when the worker cannot be found', async () => {
    const failure = await runEntry(LONE_DIR).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toMatch(
      /the code of "shout" cannot be used: the sandbox could not start: Cannot find module '.*without-worker\/quickjs-worker\.mjs'/,
    );
  });
});
