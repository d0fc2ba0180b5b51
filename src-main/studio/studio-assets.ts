/**
 * Where the studio's built assets are: the UI build, the playground and the built-in templates.
 * The same code runs from the sources (src-main/studio/) and from the headless bundle
 * (dist-headless/), so the application root is found by walking up to its package.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface StudioAssets {
  root: string;
  /** The renderer build served at `/` (electron-vite writes it to out/renderer). */
  uiDir: string;
  playgroundDir: string;
  templatesDir: string;
}

function isAppRoot(dir: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
      name?: unknown;
    };
    return manifest.name === 'magneto-studio';
  } catch {
    return false;
  }
}

export function findAppRoot(start: string = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (isAppRoot(dir)) return dir;
    if (path.dirname(dir) === dir) {
      throw new Error(`cannot find the Magneto Studio installation above ${start}`);
    }
  }
}

export function studioAssets(root: string = findAppRoot()): StudioAssets {
  return {
    root,
    uiDir: path.join(root, 'out', 'renderer'),
    playgroundDir: path.join(root, 'out', 'playground'),
    templatesDir: path.join(root, 'resources', 'templates'),
  };
}

/** Whether a built page is present (a studio started before `npm run build` serves no UI). */
export function hasBuiltPage(dir: string): boolean {
  return existsSync(path.join(dir, 'index.html'));
}
