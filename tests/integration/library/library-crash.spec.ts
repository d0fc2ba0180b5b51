import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeCassette } from '../../../proxy/cassette/formats/registry';
import { parseCassetteFileName } from '../../../src-main/library/cassette-file-names';
import { INDEX_FILE_NAME } from '../../../src-main/library/library';
import { libraryDirs, openLibrary, type LibraryDirs } from './library-kit';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const WRITER = path.join(HERE, 'write-loop.ts');
/** `--import tsx` resolves from the working folder: the repository, where tsx is installed. */
const REPO = path.resolve(HERE, '../../..');
const KILLS = 30;

/** Deterministic delays: the moments differ from kill to kill, the same from run to run. */
function delays(count: number): number[] {
  let state = 0x2545f491;
  return Array.from({ length: count }, () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return 30 + (state % 250);
  });
}

function startWriter(dirs: LibraryDirs, seed: number): ChildProcess {
  return spawn(
    process.execPath,
    ['--import', 'tsx', WRITER, dirs.cassetteDir, dirs.dataDir, String(seed)],
    { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

function untilReady(child: ChildProcess, stderr: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`writer exited (${code}) early: ${stderr()}`)));
  });
}

function exitOf(child: ChildProcess): Promise<NodeJS.Signals | number | null> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve(child.signalCode ?? child.exitCode);
  }
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
}

/** What the files themselves say: name, file, size and interaction count. */
async function filesState(dir: string): Promise<Map<string, unknown>> {
  const state = new Map<string, unknown>();
  for (const fileName of (await fs.readdir(dir)).sort()) {
    const parsed = parseCassetteFileName(fileName);
    if (parsed === undefined) continue;
    const bytes = await fs.readFile(path.join(dir, fileName));
    const { cassette } = decodeCassette(bytes, { fileName }); // throws if a write was torn
    state.set(parsed.name, {
      fileName,
      sizeBytes: bytes.length,
      interactions: cassette.interactions.length,
      tags: cassette.metadata.tags,
      broken: false,
    });
  }
  return state;
}

describe('crash safety', () => {
  it(`keeps every cassette readable through ${KILLS} SIGKILLs mid-write`, async () => {
    const dirs = await libraryDirs();
    for (const [round, delay] of delays(KILLS).entries()) {
      const child = startWriter(dirs, round + 1);
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      await untilReady(child, () => stderr);
      await new Promise((resolve) => setTimeout(resolve, delay));
      expect(child.exitCode, `writer ${round} died on its own: ${stderr}`).toBeNull();
      child.kill('SIGKILL');
      expect(await exitOf(child)).toBe('SIGKILL');
    }

    const files = await filesState(dirs.cassetteDir);
    expect(files.size).toBeGreaterThan(0);

    const library = await openLibrary(dirs);
    const indexed = (): Map<string, unknown> =>
      new Map(
        library.list().items.map((item) => [
          item.name,
          {
            fileName: item.fileName,
            sizeBytes: item.sizeBytes,
            interactions: item.interactions.total,
            tags: item.tags,
            broken: item.broken,
          },
        ]),
      );
    expect((await fs.readdir(dirs.cassetteDir)).filter((name) => name.endsWith('.tmp'))).toEqual(
      [],
    );
    expect(indexed()).toEqual(files);
    await library.rebuild();
    expect(indexed()).toEqual(files);
    expect(library.search('crash').length).toBe(files.size);

    await library.close();
    await fs.rm(path.join(dirs.dataDir, INDEX_FILE_NAME));
    const fresh = await openLibrary(dirs);
    expect(fresh.list().items.map((item) => item.name)).toEqual([...files.keys()]);
  }, 240_000);
});
