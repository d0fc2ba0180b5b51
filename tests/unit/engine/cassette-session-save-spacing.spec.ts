import { describe, expect, it } from 'vitest';
import type { Cassette, HttpInteraction } from '../../../proxy/cassette/cassette.model';
import { CassetteSession } from '../../../proxy/engine/cassette-session';
import { MemoryCassetteStore } from '../../support/memory-cassette-store';

const SAVE_MS = 60;

/** A store whose saves take `SAVE_MS`, like the encoding of a large cassette; notes when each ended. */
class SlowStore extends MemoryCassetteStore {
  readonly savedAt: number[] = [];

  override async save(cassette: Cassette): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, SAVE_MS));
    await super.save(cassette);
    this.savedAt.push(performance.now());
  }
}

function draft(path: string): Omit<HttpInteraction, 'id'> {
  return {
    type: 'Http',
    recordedAt: '2025-06-02T12:00:00.000Z',
    request: { method: 'GET', url: `http://x.test${path}`, headers: {}, body: null },
    response: { status: 200, headers: {}, body: { kind: 'text', text: 'ok' } },
  };
}

describe('CassetteSession background saves', () => {
  it('wait at least four times as long as the last save took, then save everything pending', async () => {
    const store = new SlowStore();
    const session = await CassetteSession.open({
      store,
      name: 'slow',
      mode: 'record',
      flushIntervalMs: 10,
      onSaveError: () => undefined,
    });
    session.record(draft('/1'));
    await expect.poll(() => store.saves).toBe(1);
    const recordedAt = performance.now();
    session.record(draft('/2'));
    session.record(draft('/3'));
    await expect.poll(() => store.saves, { timeout: 5000 }).toBe(2);
    // The timer waited ≥ 4 × SAVE_MS, then the save itself took SAVE_MS.
    expect((store.savedAt[1] ?? 0) - recordedAt).toBeGreaterThanOrEqual(5 * SAVE_MS - 5);
    expect(store.get('slow')?.interactions.map((i) => i.id)).toEqual(['i0', 'i1', 'i2']);
    await session.close();
  });
});
