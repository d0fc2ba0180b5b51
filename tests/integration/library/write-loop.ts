/**
 * Child process of the crash test: opens the library and writes cassettes in a loop, as fast as it
 * can, until it is killed. Usage: write-loop.ts <cassetteDir> <dataDir> <seed>
 */
import type { StorageFormat } from '../../../proxy/cassette/formats/registry';
import { CassetteLibrary } from '../../../src-main/library/library';
import { LibraryError } from '../../../src-main/library/library-errors';

const [cassetteDir = '', dataDir = '', seedText = '1'] = process.argv.slice(2);
let state = Number(seedText) >>> 0 || 1;
/** xorshift32: the same writes for the same seed. */
function random(): number {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 2 ** 32;
}
function pick<T>(items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

const NAMES = ['c0', 'c1', 'c2', 'c3', 'c4', 'c5'];
const STORAGES: readonly StorageFormat[] = ['json', 'msgpack', 'json.gz', 'msgpack.gz'];
const BODY = 'lorem ipsum dolor sit amet '.repeat(800);

const library = await CassetteLibrary.open({ cassetteDir, dataDir });
process.stdout.write('ready\n');

for (;;) {
  const existing = new Map(library.list().items.map((item) => [item.name, item]));
  const name = pick(NAMES);
  const summary = existing.get(name);
  const roll = random();
  try {
    if (summary === undefined) {
      await library.create(name, { storage: pick(STORAGES), metadata: { tags: ['crash'] } });
    } else if (summary.interactions.total > 12) {
      await library.delete(name);
    } else if (roll < 0.55) {
      await library.addInteraction(name, {
        type: 'Http',
        request: { method: 'POST', url: `https://crash.example/${name}`, headers: {}, body: null },
        response: { status: 200, headers: {}, body: { kind: 'text', text: `${roll} ${BODY}` } },
      });
    } else if (roll < 0.7) {
      await library.updateMetadata(name, { description: `roll ${roll}`, tags: ['crash', name] });
    } else if (roll < 0.8) {
      await library.rename(name, pick(NAMES));
    } else if (roll < 0.9) {
      await library.duplicate(name, pick(NAMES));
    } else {
      const { cassette } = await library.get(name);
      const first = cassette.interactions[0];
      if (first !== undefined) await library.deleteInteraction(name, first.id);
    }
  } catch (error) {
    // Name clashes and the like are expected here; anything else ends the loop (and the test).
    if (!(error instanceof LibraryError) || error.code === 'BROKEN') throw error;
  }
}
