import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { HttpInteraction } from '../../../proxy/cassette/cassette.model';
import { decodeCassette } from '../../../proxy/cassette/formats/registry';
import { CassetteLibrary } from '../../../src-main/library/library';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RECORDER = path.join(HERE, 'helpers', 'record-loop.ts');
/** `--import tsx` resolves from the working folder: the repository, where tsx is installed. */
const REPO = path.resolve(HERE, '../../..');
const KILLS = 5;

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

/** Deterministic delays: the moments differ from kill to kill, the same from run to run. */
function delays(count: number): number[] {
  let state = 0x1b873593;
  return Array.from({ length: count }, () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return 50 + (state % 400);
  });
}

interface Run {
  child: ChildProcess;
  /** Interactions in the last save the recorder saw complete. */
  saved: number;
  output: string;
}

function startRecorder(kind: string, cassetteDir: string, dataDir: string): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', RECORDER, kind, cassetteDir, dataDir], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run: Run = { child, saved: -1, output: '' };
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => (run.output += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      for (const [, count] of chunk.toString().matchAll(/saved (\d+)/g)) run.saved = Number(count);
      if (run.saved >= 0) resolve(run);
    });
    child.once('exit', (code) => reject(new Error(`recorder exited (${code}): ${run.output}`)));
  });
}

function killed(child: ChildProcess): Promise<unknown> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exit = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  return exit;
}

describe('recording through crashes', () => {
  it.each([
    ['directory-json', 'crash.json'],
    ['directory-msgpack', 'crash.msgpack'],
    ['library', 'crash.json'],
  ])(
    'keeps the %s cassette whole, losing nothing a completed save held',
    async (kind, fileName) => {
      const root = await fs.mkdtemp(path.join(os.tmpdir(), 'magneto-rec-crash-'));
      dirs.push(root);
      const cassetteDir = path.join(root, 'cassettes');
      const dataDir = path.join(root, 'data');
      let atLeast = 0;
      for (const delay of delays(KILLS)) {
        const run = await startRecorder(kind, cassetteDir, dataDir);
        await new Promise((resolve) => setTimeout(resolve, delay));
        expect(run.child.exitCode, run.output).toBeNull();
        await killed(run.child);
        atLeast = run.saved;

        // The file decodes, holds at least what the last completed save held, in recorded order.
        const bytes = await fs.readFile(path.join(cassetteDir, fileName));
        const { cassette } = decodeCassette(bytes, { fileName });
        expect(cassette.interactions.length).toBeGreaterThanOrEqual(atLeast);
        cassette.interactions.forEach((interaction, k) => {
          expect((interaction as HttpInteraction).request.url).toBe(`http://crash.test/item/${k}`);
          expect(interaction.id).toBe(`i${k}`);
        });
      }
      expect(atLeast).toBeGreaterThan(0);
      if (kind === 'library') {
        const library = await CassetteLibrary.open({ cassetteDir, dataDir });
        try {
          const { cassette } = decodeCassette(await fs.readFile(path.join(cassetteDir, fileName)));
          expect(library.summary('crash').interactions.total).toBe(cassette.interactions.length);
        } finally {
          await library.close();
        }
      }
    },
    120_000,
  );
});
