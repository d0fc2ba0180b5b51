/** Index rows written straight into a temporary index, for query tests without cassette files. */
import path from 'node:path';
import { afterEach } from 'vitest';
import type { Interaction } from '../../../proxy/cassette/cassette.model';
import { openIndexDb, type IndexDatabase } from '../../../src-main/library/index-db';
import { cassetteFacts } from '../../../src-main/library/index-record';
import { IndexStore } from '../../../src-main/library/index-store';
import { syntheticCassette } from '../../support/synthetic-cassettes';
import { tempDir } from './temp-dir';

export const NOW = Date.UTC(2025, 6, 1, 12, 0, 0);
export const DAY = 86_400_000;

const open: IndexDatabase[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

export async function openTestIndex(): Promise<{ db: IndexDatabase; store: IndexStore }> {
  const db = openIndexDb(path.join(await tempDir(), 'index.sqlite'));
  open.push(db);
  return { db, store: new IndexStore(db) };
}

export interface RowSpec {
  name: string;
  sizeBytes?: number;
  /** Days before `NOW` it was recorded. */
  ageDays?: number;
  /** Days before `NOW` it was last modified. */
  modifiedDaysAgo?: number;
  tags?: string[];
  description?: string;
  http?: number;
  errors?: number;
  websockets?: number;
  /** Replaces the first response body. */
  bodyText?: string;
  broken?: string;
}

export function putRow(store: IndexStore, spec: RowSpec): void {
  const recordedAt = new Date(NOW - (spec.ageDays ?? 0) * DAY).toISOString();
  const modifiedMs = NOW - (spec.modifiedDaysAgo ?? spec.ageDays ?? 0) * DAY;
  const signature = {
    name: spec.name,
    fileName: `${spec.name}.json`,
    storage: 'json' as const,
    sizeBytes: spec.sizeBytes ?? 1000,
    mtimeMs: modifiedMs,
    contentHash: `hash-of-${spec.name}`,
  };
  if (spec.broken !== undefined) {
    store.put({ ...signature, broken: true, error: spec.broken }, NOW);
    return;
  }
  const cassette = syntheticCassette(spec.name, {
    interactions: spec.http ?? 1,
    bodySize: 40,
    recordedAt,
    tags: spec.tags ?? [],
    description: spec.description ?? '',
  });
  cassette.metadata.modifiedAt = new Date(modifiedMs).toISOString();
  const first = cassette.interactions[0];
  if (spec.bodyText !== undefined && first?.type === 'Http') {
    first.response.body = { kind: 'text', text: spec.bodyText };
  }
  cassette.interactions.push(...extraInteractions(spec.errors ?? 0, spec.websockets ?? 0));
  store.put({ ...signature, broken: false, facts: cassetteFacts(cassette, 'native', 'json') }, NOW);
}

function extraInteractions(errors: number, websockets: number): Interaction[] {
  const recordedAt = new Date(NOW).toISOString();
  return [
    ...Array.from({ length: errors }, (_, i): Interaction => ({
      type: 'HttpError',
      id: `e${i}`,
      recordedAt,
      request: { method: 'POST', url: `https://down.example.com/${i}`, headers: {}, body: null },
      error: { errorType: 'Timeout', message: 'timed out', timeoutMs: 1000 },
    })),
    ...Array.from({ length: websockets }, (_, i): Interaction => ({
      type: 'WebSocket',
      id: `w${i}`,
      recordedAt,
      url: `wss://live.example.com/feed/${i}`,
      messages: [{ direction: 'Received', timestampMs: 5, msgType: 'Text', data: 'tick tock' }],
      closeFrame: null,
    })),
  ];
}
