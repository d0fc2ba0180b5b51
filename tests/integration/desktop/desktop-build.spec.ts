/**
 * The desktop build as electron-vite makes it from electron.vite.config.ts (main and preload, into
 * a scratch folder): the worker threads (custom-helper sandbox, proxy engine) land beside the main
 * bundle, where the code that starts them looks, and the sandboxed preload needs nothing but Electron.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const REPO = path.resolve(__dirname, '../../..');
const SCRATCH = path.join(REPO, '.tmp', `desktop-build-${process.pid}`);
const OUT = path.join(SCRATCH, 'out');

beforeAll(async () => {
  await fs.mkdir(SCRATCH, { recursive: true });
  // The project's own configuration, only sent elsewhere (and without the renderer).
  await fs.writeFile(
    path.join(SCRATCH, 'electron.vite.config.ts'),
    `import config from '../../electron.vite.config';
const sections = config as Record<string, { build: Record<string, unknown> }>;
const to = (name: string) => ({ ...sections[name], build: { ...sections[name]!.build, outDir: ${JSON.stringify(OUT)} + '/' + name } });
export default { main: to('main'), preload: to('preload') };
`,
  );
  await run(
    path.join(REPO, 'node_modules/.bin/electron-vite'),
    ['build', '-c', path.join(SCRATCH, 'electron.vite.config.ts'), '--logLevel', 'error'],
    { cwd: REPO },
  );
}, 120_000);

afterAll(async () => {
  await fs.rm(SCRATCH, { recursive: true, force: true });
});

describe('the desktop build', () => {
  it('ships the worker threads beside the main bundle, where the code that starts them looks', async () => {
    const files = await fs.readdir(path.join(OUT, 'main'), { withFileTypes: true });
    // No subfolder: code shared with the workers resolves their files against its own URL.
    expect(files.filter((file) => file.isDirectory())).toEqual([]);
    const texts = await Promise.all(
      files.map((file) => fs.readFile(path.join(OUT, 'main', file.name), 'utf8')),
    );
    for (const [constant, worker] of [
      ['var BUNDLED_ENTRY = "./quickjs-worker.mjs"', 'quickjs-worker.mjs'],
      ['var BUNDLED_ENTRY = "./proxy-engine-worker.mjs"', 'proxy-engine-worker.mjs'],
    ] as const) {
      expect(texts.some((text) => text.includes(constant))).toBe(true);
      const code = await fs.readFile(path.join(OUT, 'main', worker), 'utf8');
      // Its own imports are relative to it, inside out/main.
      for (const [, relative] of code.matchAll(/from "(\.[^"]+)"/g)) {
        await expect(fs.stat(path.join(OUT, 'main', relative ?? ''))).resolves.toBeTruthy();
      }
    }
    const quickjs = await fs.readFile(path.join(OUT, 'main/quickjs-worker.mjs'), 'utf8');
    expect(quickjs).toMatch(/from "quickjs-emscripten"/);
  });

  it('makes a CommonJS preload that requires nothing but electron', async () => {
    const preload = await fs.readFile(path.join(OUT, 'preload/index.cjs'), 'utf8');
    const required = [...preload.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]);
    expect(required).toEqual(['electron']);
    expect(preload).not.toMatch(/^import /m);
    expect(preload).toContain('exposeInMainWorld');
  });
});
