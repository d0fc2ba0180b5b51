/**
 * Child process of the recording crash test: records into one cassette through a `CassetteSession`
 * as fast as it can, saving in the background, until it is killed. It carries on the cassette a
 * previous run left (new-episodes), and prints `saved <count>` after each save that completed.
 * Usage: record-loop.ts <directory-json|directory-msgpack|library> <cassetteDir> <dataDir>
 */
import type { Cassette, HttpInteraction } from '../../../../proxy/cassette/cassette.model';
import type { CassetteStore } from '../../../../proxy/engine/cassette-store';
import { CassetteSession } from '../../../../proxy/engine/cassette-session';
import { DirectoryCassetteStore } from '../../../../proxy/engine/directory-cassette-store';
import { CassetteLibrary } from '../../../../src-main/library/library';

const [kind = '', cassetteDir = '', dataDir = ''] = process.argv.slice(2);

/** The k-th recording of every run: the test checks the file holds them in order. */
function crashDraft(k: number): Omit<HttpInteraction, 'id'> {
  return {
    type: 'Http',
    recordedAt: '2025-06-02T12:00:00.000Z',
    request: { method: 'GET', url: `http://crash.test/item/${k}`, headers: {}, body: null },
    response: {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: { kind: 'text', text: JSON.stringify({ k, fill: 'x'.repeat(2000) }) },
    },
  };
}

async function openStore(): Promise<CassetteStore> {
  if (kind === 'library') return CassetteLibrary.open({ cassetteDir, dataDir });
  const storage = kind === 'directory-msgpack' ? 'msgpack' : 'json';
  return new DirectoryCassetteStore(cassetteDir, { storage });
}

const inner = await openStore();
const save = (cassette: Cassette): Promise<void> =>
  inner.saveRecording === undefined ? inner.save(cassette) : inner.saveRecording(cassette);
// Reports each completed save; the session sees the store as it is.
const store: CassetteStore = {
  load: (name) => inner.load(name),
  save: (cassette) => inner.save(cassette),
  saveRecording: async (cassette) => {
    await save(cassette);
    process.stdout.write(`saved ${cassette.interactions.length}\n`);
  },
};
const session = await CassetteSession.open({
  store,
  name: 'crash',
  mode: 'new-episodes',
  flushIntervalMs: 0,
  onSaveError: (error) => {
    process.stderr.write(`${error.stack ?? String(error)}\n`);
    process.exit(1);
  },
});
let next = session.interactionCount;
process.stdout.write(`ready ${next}\n`);
for (;;) {
  for (let i = 0; i < 50; i++) session.record(crashDraft(next++));
  await new Promise((resolve) => setImmediate(resolve));
}
