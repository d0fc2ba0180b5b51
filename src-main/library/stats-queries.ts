/** `stats()` for the whole library and `cassetteStats()` for one cassette, from the index. */
import type { IndexDatabase } from './index-db';
import type {
  CassetteStats,
  CountEntry,
  InteractionCounts,
  LibraryStats,
  StatusCount,
} from './library.model';
import { prepared } from './statement-cache';

const TOP = 10;
const LARGEST = 5;

interface Totals {
  cassettes: number;
  broken: number | null;
  http: number | null;
  httpError: number | null;
  webSocket: number | null;
  total: number | null;
  sizeBytes: number | null;
  bodyBytes: number | null;
}

const COUNTS = `SUM(http_count) AS http, SUM(http_error_count) AS httpError,
  SUM(websocket_count) AS webSocket, SUM(interaction_count) AS total,
  SUM(size_bytes) AS sizeBytes, SUM(body_bytes) AS bodyBytes`;

export function libraryStats(db: IndexDatabase): LibraryStats {
  const totals = prepared(
    db,
    `SELECT COUNT(*) AS cassettes, SUM(broken) AS broken, ${COUNTS} FROM cassettes`,
  ).get() as Totals;
  return {
    cassettes: totals.cassettes,
    broken: totals.broken ?? 0,
    interactions: interactionCounts(totals),
    sizeBytes: totals.sizeBytes ?? 0,
    bodyBytes: totals.bodyBytes ?? 0,
    topHosts: topCounts(db, 'cassette_hosts', 'host'),
    topMethods: topCounts(db, 'cassette_methods', 'method'),
    topStatusCodes: prepared(
      db,
      `SELECT status, SUM(count) AS count FROM cassette_statuses GROUP BY status
       ORDER BY count DESC, status LIMIT ${TOP}`,
    ).all() as StatusCount[],
    largest: prepared(
      db,
      `SELECT name, size_bytes AS sizeBytes FROM cassettes ORDER BY size_bytes DESC, name
       LIMIT ${LARGEST}`,
    ).all() as Array<{ name: string; sizeBytes: number }>,
  };
}

/** Per-cassette stats, or undefined when no cassette has that name. */
export function cassetteStats(db: IndexDatabase, name: string): CassetteStats | undefined {
  const row = prepared(
    db,
    `SELECT id, name, ${COUNTS} FROM cassettes WHERE name = ? GROUP BY id`,
  ).get(name) as (Totals & { id: number; name: string }) | undefined;
  if (row === undefined) return undefined;
  const breakdown = (table: string, column: string): CountEntry[] =>
    prepared(
      db,
      `SELECT ${column} AS value, count FROM ${table} WHERE cassette_id = ?
       ORDER BY count DESC, ${column}`,
    ).all(row.id) as CountEntry[];
  return {
    name: row.name,
    interactions: interactionCounts(row),
    sizeBytes: row.sizeBytes ?? 0,
    bodyBytes: row.bodyBytes ?? 0,
    hosts: breakdown('cassette_hosts', 'host'),
    methods: breakdown('cassette_methods', 'method'),
    statusCodes: breakdown('cassette_statuses', 'status').map((entry) => ({
      status: Number(entry.value),
      count: entry.count,
    })),
  };
}

function interactionCounts(totals: Totals): InteractionCounts {
  return {
    http: totals.http ?? 0,
    httpError: totals.httpError ?? 0,
    webSocket: totals.webSocket ?? 0,
    total: totals.total ?? 0,
  };
}

function topCounts(db: IndexDatabase, table: string, column: string): CountEntry[] {
  return prepared(
    db,
    `SELECT ${column} AS value, SUM(count) AS count FROM ${table} GROUP BY ${column}
     ORDER BY count DESC, ${column} LIMIT ${TOP}`,
  ).all() as CountEntry[];
}
