/**
 * The built renderer for end-to-end tests: out/renderer as `npm run build` leaves it, rebuilt with
 * the renderer's Vite settings when a source is newer. Test files share one build (a lock folder
 * keeps parallel workers from building twice).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const RENDERER_OUT = path.join(REPO, 'out/renderer');
const LOCK = path.join(REPO, 'out/.renderer-build.lock');
const SOURCES = [
  path.join(REPO, 'src-renderer'),
  path.join(REPO, 'src-main/server/message-port-websocket.ts'),
  path.join(REPO, 'src-main/server/ipc-protocol.ts'),
  path.join(REPO, 'src-preload/desktop-api.ts'),
  path.join(REPO, 'package.json'),
  // The build's settings, below.
  fileURLToPath(import.meta.url),
];
const LOCK_STALE_MS = 180_000;

async function newestMtime(entry: string): Promise<number> {
  const stat = await fs.stat(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  const names = await fs.readdir(entry);
  const times = await Promise.all(names.map((name) => newestMtime(path.join(entry, name))));
  return Math.max(stat.mtimeMs, ...times);
}

async function upToDate(): Promise<boolean> {
  const built = await fs.stat(path.join(RENDERER_OUT, 'index.html')).catch(() => undefined);
  if (built === undefined) return false;
  const sources = await Promise.all(SOURCES.map(newestMtime));
  return built.mtimeMs >= Math.max(...sources);
}

async function takeLock(): Promise<boolean> {
  await fs.mkdir(path.dirname(LOCK), { recursive: true });
  try {
    await fs.mkdir(LOCK);
    return true;
  } catch {
    const stat = await fs.stat(LOCK).catch(() => undefined);
    if (stat !== undefined && Date.now() - stat.mtimeMs > LOCK_STALE_MS) {
      await fs.rm(LOCK, { recursive: true, force: true });
    }
    return false;
  }
}

/**
 * The renderer's build as electron-vite makes it: relative asset paths, React in production mode,
 * out/renderer. Vite keeps a NODE_ENV already set (vitest sets "test") and would then build React's
 * development mode, several times slower than what the app ships.
 */
async function buildRenderer(): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: false,
      root: path.join(REPO, 'src-renderer'),
      base: './',
      plugins: [react()],
      logLevel: 'warn',
      build: { outDir: RENDERER_OUT, emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

/** Returns the folder of an up-to-date renderer build. */
export async function builtRenderer(): Promise<string> {
  for (;;) {
    if (await upToDate()) return RENDERER_OUT;
    if (await takeLock()) {
      try {
        if (!(await upToDate())) await buildRenderer();
      } finally {
        await fs.rm(LOCK, { recursive: true, force: true });
      }
      return RENDERER_OUT;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
