/**
 * Custom helpers saved in the studio (data folder, QuickJS sandbox) render in templated replays of
 * the engine in a worker thread: those there at start, and those added or removed while it runs.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Cassette } from '../../../proxy/cassette/cassette.model';
import { CustomHelperStore } from '../../../proxy/templating';
import { openWorkerHarness, type WorkerHarness } from './worker-harness';

function templatedCassette(origin: string): Cassette {
  const now = '2025-06-02T12:00:00.000Z';
  return {
    version: '2.0',
    name: 'templated',
    recordedAt: now,
    interactions: ['shout', 'whisper'].map((helper, i) => ({
      type: 'Http',
      id: `i${i}`,
      recordedAt: now,
      responseTimeMs: 1,
      request: { method: 'GET', url: `${origin}/${helper}`, headers: {}, body: null },
      response: {
        status: 200,
        headers: { 'content-type': 'text/plain' },
        body: { kind: 'text', text: `{{${helper} "Hello" request.method}}` },
      },
    })),
    metadata: { createdAt: now, modifiedAt: now, tags: [], description: '', settings: {} },
  };
}

async function replayed(h: WorkerHarness, helper: string): Promise<string> {
  const response = await h.get(`/${helper}`);
  return `${response.status} ${response.text}`;
}

describe('custom helpers in the engine worker', () => {
  it('renders the helpers saved before the start and those saved while it runs', async () => {
    const h = await openWorkerHarness();
    const helpers = new CustomHelperStore(h.dataDir);
    try {
      await helpers.save('whisper', '(args) => args.join(" ").toLowerCase() + "…"');
      await h.library.save(templatedCassette(h.upstream.origin));
      await h.start({ mode: 'replay', cassette: 'templated' });
      expect(await replayed(h, 'whisper')).toBe('200 hello get…');
      expect(await replayed(h, 'shout')).toMatch(/^500 [^]*unknown helper "shout"/);

      // Saving resolves once the engine's worker has the helper too.
      await helpers.save('shout', '(args) => args.join(" ").toUpperCase() + "!"');
      expect(await replayed(h, 'shout')).toBe('200 HELLO GET!');

      await helpers.remove('whisper');
      await vi.waitFor(async () =>
        expect(await replayed(h, 'whisper')).toMatch(/^500 [^]*unknown helper "whisper"/),
      );
      expect(h.errors).toEqual([]);
    } finally {
      await helpers.remove('shout');
      await helpers.remove('whisper');
    }
  });
});
