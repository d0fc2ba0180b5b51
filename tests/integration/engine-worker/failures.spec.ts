/**
 * What goes wrong reaches the studio's thread as it would from the engine in its own thread: the
 * store's errors as the very objects the store threw, and a worker that dies as an `error` event,
 * after which the engine starts again.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Cassette } from '../../../proxy/cassette/cassette.model';
import { WorkerProxyEngine } from '../../../proxy/engine/worker/worker-proxy-engine';
import { CassetteBrokenError } from '../../../src-main/library/library-errors';
import { syntheticCassette } from '../../support/synthetic-cassettes';
import { openWorkerHarness } from './worker-harness';

class DiskFullError extends Error {
  override readonly name = 'DiskFullError';
}

describe('failures of the engine in a worker thread', () => {
  it('rejects a broken cassette with the library error itself', async () => {
    const h = await openWorkerHarness();
    await h.library.save(syntheticCassette('broken', { interactions: 2 }));
    const [file] = await fs.readdir(h.cassetteDir);
    await fs.writeFile(path.join(h.cassetteDir, file ?? ''), '{ not json');
    const direct = await h.library.load('broken').catch((error: unknown) => error);
    expect(direct).toBeInstanceOf(CassetteBrokenError);
    const started = h.start({ mode: 'replay', cassette: 'broken' });
    await expect(started).rejects.toBeInstanceOf(CassetteBrokenError);
    await expect(started).rejects.toThrow((direct as Error).message);
    expect(h.engine.status().running).toBe(false);
    expect((await h.start({ mode: 'passthrough' })).running).toBe(true);
  });

  it('reports a failed save as an error event, keeps the recording and saves it later', async () => {
    const h = await openWorkerHarness();
    const failure = new DiskFullError('no space left on the test device');
    let failing = true;
    const store = {
      load: (name: string) => h.library.load(name),
      save: (cassette: Cassette) => h.library.save(cassette),
      saveRecording: (cassette: Cassette) =>
        failing ? Promise.reject(failure) : h.library.saveRecording(cassette),
    };
    await h.start({ mode: 'record', cassette: 'kept', store });
    await h.get('/first');
    await vi.waitFor(() => expect(h.errors).toContain(failure));

    const stopped = h.engine.stop();
    await expect(stopped).rejects.toBeInstanceOf(AggregateError);
    const aggregate = (await stopped.catch((error: unknown) => error)) as AggregateError;
    expect(aggregate.errors[0]).toBe(failure);
    expect(aggregate.message).toBe(`Recordings could not be saved: ${failure.message}`);
    expect(h.engine.status().running).toBe(false);
    await expect(h.start({ store: h.library })).rejects.toThrow(/call stop\(\) again first/);

    failing = false;
    await h.engine.stop();
    const saved = await h.library.load('kept');
    expect(saved?.interactions).toHaveLength(1);
  });

  it('reports a worker that dies, shows it stopped, and starts again', async () => {
    const h = await openWorkerHarness();
    // 64 MB of bodies: more than the worker may hold, so loading it kills the worker.
    await h.library.save(syntheticCassette('huge', { interactions: 16, bodySize: 4_000_000 }));
    const engine = new WorkerProxyEngine({ resourceLimits: { maxOldGenerationSizeMb: 32 } });
    const errors: Error[] = [];
    const running: boolean[] = [];
    engine.on('error', (error) => errors.push(error));
    engine.on('status', (status) => running.push(status.running));
    const options = { port: 0, dataDir: h.dataDir, store: h.library };
    try {
      await engine.start({ ...options, mode: 'passthrough' });
      const crash = engine.reconfigure({ mode: 'replay', cassette: 'huge' });
      await expect(crash).rejects.toThrow(
        /The proxy engine's worker thread stopped unexpectedly: .*memory limit/,
      );
      const reported = (await crash.catch((error: unknown) => error)) as Error;
      expect(errors).toEqual([reported]);
      expect(engine.status()).toMatchObject({ running: false, port: null });
      expect(running).toEqual([true, false]);

      const again = await engine.start({ ...options, mode: 'passthrough' });
      expect(again.running).toBe(true);
    } finally {
      await engine.stop();
    }
  });
});
