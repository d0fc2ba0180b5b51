/** Helpers for library integration tests: folders, opened libraries, awaited change events. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach } from 'vitest';
import { CassetteLibrary, type LibraryOptions } from '../../../src-main/library/library';
import type { InteractionInput, LibraryChange } from '../../../src-main/library/library.model';
import { magnetoFixture } from '../../support/fixtures';
import { tempDir } from '../../unit/library/temp-dir';

const opened: CassetteLibrary[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((library) => library.close()));
});

export interface LibraryDirs {
  cassetteDir: string;
  dataDir: string;
}

export async function libraryDirs(): Promise<LibraryDirs> {
  const root = await tempDir();
  return { cassetteDir: path.join(root, 'cassettes'), dataDir: path.join(root, 'data') };
}

/** Opens a library that is closed when the test ends. */
export async function openLibrary(
  dirs: LibraryDirs,
  options: Partial<LibraryOptions> = {},
): Promise<CassetteLibrary> {
  const library = await CassetteLibrary.open({ ...dirs, ...options });
  opened.push(library);
  return library;
}

/** When `manualClock` starts by default: 2025-07-01 09:00 UTC. */
export const START = Date.UTC(2025, 6, 1, 9, 0, 0);

export const iso = (ms: number): string => new Date(ms).toISOString();

/** A clock that tests move by hand. */
export function manualClock(start = START): {
  now: () => number;
  advance: (ms: number) => void;
} {
  let current = start;
  return { now: () => current, advance: (ms) => (current += ms) };
}

/** Every change the library emits from now on. */
export function recordChanges(library: CassetteLibrary): LibraryChange[] {
  const changes: LibraryChange[] = [];
  library.on('change', (change) => changes.push(change));
  return changes;
}

/** The next change matching `predicate`. */
export function nextChange(
  library: CassetteLibrary,
  predicate: (change: LibraryChange) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<LibraryChange> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      library.off('change', listener);
      reject(new Error(`no matching change within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (change: LibraryChange): void => {
      if (!predicate(change)) return;
      clearTimeout(timer);
      library.off('change', listener);
      resolve(change);
    };
    library.on('change', listener);
  });
}

export async function copyFixture(fixture: string, dir: string, as = fixture): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  const target = path.join(dir, as);
  await fs.copyFile(magnetoFixture(fixture), target);
  return target;
}

export function httpInput(url: string, text = 'hello'): InteractionInput {
  return {
    type: 'Http',
    request: { method: 'GET', url, headers: { accept: 'text/plain' }, body: null },
    response: {
      status: 200,
      headers: { 'content-type': 'text/plain' },
      body: { kind: 'text', text },
    },
  };
}

/** A library on a manual clock, with a helper for paths in its folder. */
export async function clockedLibrary(): Promise<{
  dirs: LibraryDirs;
  library: CassetteLibrary;
  clock: ReturnType<typeof manualClock>;
  file: (name: string) => string;
}> {
  const dirs = await libraryDirs();
  const clock = manualClock();
  const library = await openLibrary(dirs, { now: clock.now });
  return { dirs, library, clock, file: (name) => path.join(dirs.cassetteDir, name) };
}
