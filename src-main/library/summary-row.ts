/** The SQL that reads cassette summaries, and its conversion to `CassetteSummary`. */
import type { Container, FormatId } from '../../proxy/cassette/formats/format';
import type { StorageFormat } from '../../proxy/cassette/formats/registry';
import type { CassetteSummary } from './library.model';

/** Summary columns of `cassettes c`, with the sort keys that cursors carry. */
export const SUMMARY_COLUMNS = `c.name, c.file_name, c.storage, c.format, c.container,
  c.version, c.size_bytes, c.mtime_ms, c.recorded_at, c.created_at, c.modified_at, c.description,
  c.http_count, c.http_error_count, c.websocket_count, c.interaction_count, c.body_bytes,
  c.broken, c.error, c.indexed_at, c.recorded_at_ms, c.modified_at_ms,
  (SELECT json_group_array(tag ORDER BY position) FROM cassette_tags WHERE cassette_id = c.id)
    AS tags_json`;

/** Selects summaries from `cassettes c`; callers append WHERE and ORDER BY. */
export const SUMMARY_SELECT = `SELECT ${SUMMARY_COLUMNS} FROM cassettes c`;

export interface SummaryRow {
  name: string;
  file_name: string;
  storage: StorageFormat;
  format: FormatId | null;
  container: Container | null;
  version: string | null;
  size_bytes: number;
  mtime_ms: number;
  recorded_at: string | null;
  created_at: string | null;
  modified_at: string | null;
  description: string;
  http_count: number;
  http_error_count: number;
  websocket_count: number;
  interaction_count: number;
  body_bytes: number;
  broken: 0 | 1;
  error: string | null;
  indexed_at: string;
  recorded_at_ms: number;
  modified_at_ms: number;
  tags_json: string;
}

export function summaryFromRow(row: SummaryRow): CassetteSummary {
  return {
    name: row.name,
    fileName: row.file_name,
    storage: row.storage,
    format: row.format,
    container: row.container,
    version: row.version,
    sizeBytes: row.size_bytes,
    fileModifiedAt: new Date(row.mtime_ms).toISOString(),
    recordedAt: row.recorded_at,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
    description: row.description,
    tags: JSON.parse(row.tags_json) as string[],
    interactions: {
      http: row.http_count,
      httpError: row.http_error_count,
      webSocket: row.websocket_count,
      total: row.interaction_count,
    },
    bodyBytes: row.body_bytes,
    broken: row.broken === 1,
    error: row.error,
    indexedAt: row.indexed_at,
  };
}
