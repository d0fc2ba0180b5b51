import { describe, expect, it } from 'vitest';
import type {
  Cassette,
  HttpInteraction,
  Interaction,
} from '../../../proxy/cassette/cassette.model';
import { CassetteSession } from '../../../proxy/engine/cassette-session';
import { MemoryCassetteStore } from '../../support/memory-cassette-store';

function draft(path: string): Omit<HttpInteraction, 'id'> {
  return {
    type: 'Http',
    recordedAt: '2025-06-02T12:00:00.000Z',
    request: { method: 'GET', url: `http://x.test${path}?token=abc`, headers: {}, body: null },
    response: { status: 200, headers: {}, body: { kind: 'text', text: '{"password":"p"}' } },
  };
}

/** A store with `saveRecording`, noting what each save got and when it ran. */
class RecordingStore extends MemoryCassetteStore {
  readonly recordings: Interaction[][] = [];
  readonly runs: Array<{ start: number; end: number }> = [];
  /** Called as each save starts. */
  onStart: () => void = () => undefined;

  constructor(private readonly saveMs = 0) {
    super();
  }

  async saveRecording(cassette: Cassette): Promise<void> {
    const start = performance.now();
    this.recordings.push(cassette.interactions);
    this.onStart();
    await new Promise((resolve) => setTimeout(resolve, this.saveMs));
    await super.save(cassette);
    this.runs.push({ start, end: performance.now() });
  }
}

describe('CassetteSession saves of recordings', () => {
  it('use saveRecording when the store has it, passing the same interaction objects each time', async () => {
    const store = new RecordingStore();
    const session = await CassetteSession.open({
      store,
      name: 'rec',
      mode: 'record',
      flushIntervalMs: 5,
      onSaveError: () => undefined,
    });
    const first = session.record(draft('/1'));
    await expect.poll(() => store.recordings.length).toBe(1);
    const second = session.record(draft('/2'));
    await session.close();
    expect(store.saves).toBe(2);
    const [one, two] = store.recordings;
    expect(one?.[0]).toBe(first);
    expect(two?.[0]).toBe(first);
    expect(two?.[1]).toBe(second);
    // What is kept and passed on is redacted.
    expect((two?.[1] as HttpInteraction).request.url).toBe('http://x.test/2?token=[REDACTED]');
    expect((two?.[1] as HttpInteraction).response.body).toEqual({
      kind: 'text',
      text: '{"password":"[REDACTED]"}',
    });
  });

  it('wait four times as long as the last save took, counted from its end', async () => {
    const SAVE_MS = 60;
    const store = new RecordingStore(SAVE_MS);
    const session = await CassetteSession.open({
      store,
      name: 'spaced',
      mode: 'record',
      flushIntervalMs: 10,
      onSaveError: () => undefined,
    });
    // Recorded while the first save runs: the next save waits for its end, then 4 × its length.
    store.onStart = () => {
      store.onStart = () => undefined;
      session.record(draft('/2'));
    };
    session.record(draft('/1'));
    await expect.poll(() => store.runs.length, { timeout: 5000 }).toBe(2);
    const [first, second] = store.runs;
    expect((second?.start ?? 0) - (first?.end ?? 0)).toBeGreaterThanOrEqual(4 * SAVE_MS - 5);
    expect(store.get('spaced')?.interactions.map((i) => i.id)).toEqual(['i0', 'i1']);
    await session.close();
  });
});
