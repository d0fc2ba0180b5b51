/**
 * The engine's worker thread and its process: an idle worker does not keep the process alive, a
 * running one does until the process exits, which ends the worker and its server; a prepared worker
 * serves the next start.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryCassetteStore } from '../../support/memory-cassette-store';
import { openWorkerHarness } from './worker-harness';
import { canConnect } from '../../support/can-connect';

const SCRIPT = path.join(__dirname, 'process-scripts', 'engine-in-process.ts');

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function runScript(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  children.push(child);
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const printed = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = output.match(pattern);
        if (match !== null) resolve(match);
      };
      child.stdout.on('data', check);
      child.once('exit', () => reject(new Error(`exited without ${pattern}: ${output}`)));
      check();
    });
  return { child, exited, printed };
}

describe('the engine worker and its process', () => {
  it('lets the process exit while the worker is only prepared', async () => {
    const run = runScript(['idle']);
    await run.printed(/prepared/);
    expect(await run.exited).toBe(0);
  });

  it('ends with the process: the proxy port closes', async () => {
    const h = await openWorkerHarness();
    const run = runScript(['running', h.dataDir]);
    const [, port] = await run.printed(/listening (\d+)/);
    expect(await canConnect(Number(port))).toBe(true);
    run.child.stdin.write('exit\n');
    expect(await run.exited).toBe(0);
    expect(await canConnect(Number(port))).toBe(false);
  });

  it('starts from a prepared worker, and stop() ends one never started', async () => {
    const h = await openWorkerHarness();
    h.engine.prepare();
    await h.engine.stop();
    h.engine.prepare();
    const status = await h.start({ store: new MemoryCassetteStore(), mode: 'passthrough' });
    expect((await h.get('/ok')).status).toBe(200);
    expect(status.running).toBe(true);
  });
});
