/** The cassette library over 1,000 cassettes: listing, search, rebuild and opening. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { encodeForStorage } from '../proxy/cassette/formats/registry';
import { CassetteLibrary } from '../src-main/library/library';
import { syntheticCassette } from '../tests/support/synthetic-cassettes';
import { median, percentile, timeRuns, type BenchResult } from './bench-harness';

const CASSETTES = 1000;
const TAGS = ['api', 'auth', 'billing', 'search', 'smoke', 'nightly'];

async function writeCassettes(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  for (let i = 0; i < CASSETTES; i++) {
    const cassette = syntheticCassette(`cassette-${String(i).padStart(4, '0')}`, {
      interactions: 5 + (i % 30),
      bodySize: 400 + (i % 7) * 100,
      tags: [TAGS[i % TAGS.length] ?? 'api', TAGS[(i * 7) % TAGS.length] ?? 'api'],
      description: `Synthetic cassette ${i} for the ${TAGS[i % TAGS.length]} suite`,
      recordedAt: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(),
    });
    await fs.writeFile(path.join(dir, `${cassette.name}.json`), encodeForStorage(cassette, 'json'));
  }
}

export async function benchLibrary(): Promise<BenchResult[]> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'magneto-bench-library-'));
  const cassetteDir = path.join(root, 'cassettes');
  const dataDir = path.join(root, 'data');
  try {
    await writeCassettes(cassetteDir);
    const first = await CassetteLibrary.open({ cassetteDir, dataDir });
    const rebuildStart = performance.now();
    await first.rebuild();
    const rebuildMs = performance.now() - rebuildStart;
    await first.close();

    const opens = await timeRuns(5, async () =>
      (await CassetteLibrary.open({ cassetteDir, dataDir })).close(),
    );
    const library = await CassetteLibrary.open({ cassetteDir, dataDir });
    try {
      const pageQuery = {
        minInteractions: 10,
        tags: ['api'],
        sort: [
          { by: 'size', order: 'desc' },
          { by: 'name', order: 'asc' },
        ],
        limit: 50,
        offset: 100,
      } as const;
      const unfiltered = await timeRuns(200, () => library.list({ limit: 50 }), 20);
      const pages = await timeRuns(200, () => library.list(pageQuery), 20);
      const searches = await timeRuns(200, () => library.search('lorem nightly'), 20);
      return [
        {
          name: 'page of 50 of 1,000 cassettes, filter + 2-key sort (p95)',
          value: percentile(pages, 95),
          unit: 'ms',
          target: { op: '<=', value: 5 },
          baseline: `unfiltered first page p95 ${percentile(unfiltered, 95).toFixed(2)} ms`,
        },
        {
          name: 'full-text search over 1,000 cassettes (p95)',
          value: percentile(searches, 95),
          unit: 'ms',
          target: { op: '<=', value: 10 },
          baseline: `median ${median(searches).toFixed(2)} ms`,
        },
        {
          name: 'index rebuild of 1,000 cassettes',
          value: rebuildMs,
          unit: 'ms',
          target: { op: '<=', value: 5000 },
        },
        {
          name: 'open an indexed library of 1,000 cassettes (median)',
          value: median(opens),
          unit: 'ms',
          target: { op: '<=', value: 300 },
          baseline: `worst of 5: ${percentile(opens, 100).toFixed(1)} ms`,
        },
      ];
    } finally {
      await library.close();
    }
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}
