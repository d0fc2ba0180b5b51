/** Loading a 10,000-interaction cassette from native JSON and MessagePack. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { unpack } from 'msgpackr';
import { encodeForStorage, readCassetteFile } from '../proxy/cassette/formats/registry';
import { syntheticCassette } from '../tests/support/synthetic-cassettes';
import { median, timeRuns, type BenchResult } from './bench-harness';

export async function benchCassetteLoad(): Promise<BenchResult[]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'magneto-bench-load-'));
  try {
    const cassette = syntheticCassette('load-10k', { interactions: 10_000, bodySize: 1000 });
    const results: BenchResult[] = [];
    for (const [storage, target, parse] of [
      ['msgpack', 100, (bytes: Buffer) => unpack(bytes)],
      ['json', 300, (bytes: Buffer) => JSON.parse(bytes.toString('utf8'))],
    ] as const) {
      const file = path.join(dir, `load-10k.${storage}`);
      const bytes = Buffer.from(encodeForStorage(cassette, storage));
      await fs.writeFile(file, bytes);
      const load = median(await timeRuns(7, () => readCassetteFile(file)));
      const raw = median(await timeRuns(7, async () => parse(await fs.readFile(file))));
      results.push({
        name: `load 10,000-interaction cassette (${storage}, ${(bytes.length / 1e6).toFixed(1)} MB)`,
        value: load,
        unit: 'ms',
        target: { op: '<=', value: target },
        baseline: `read + bare parse ${raw.toFixed(1)} ms (×${(load / raw).toFixed(2)})`,
      });
    }
    return results;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
