/** Writes and point lookups on the index, with every statement prepared once. */
import type { Statement } from 'better-sqlite3';
import type { IndexDatabase } from './index-db';
import type { IndexRecord } from './index-record';
import type { CassetteSummary, LibraryChange } from './library.model';
import { nameFoldKey } from './naming';
import { SUMMARY_SELECT, summaryFromRow, type SummaryRow } from './summary-row';

/** What the index holds about a file, to decide whether the file changed. */
export interface IndexedState {
  name: string;
  fileName: string;
  sizeBytes: number;
  mtimeMs: number;
  contentHash: string;
  broken: boolean;
  error: string | null;
}

const STATE_SELECT = `SELECT name, file_name AS fileName, size_bytes AS sizeBytes,
  mtime_ms AS mtimeMs, content_hash AS contentHash, broken, error FROM cassettes`;

type StateRow = Omit<IndexedState, 'broken'> & { broken: 0 | 1 };

export class IndexStore {
  private readonly statements: Record<
    | 'byName'
    | 'byFileName'
    | 'all'
    | 'nameFolded'
    | 'summary'
    | 'deleteClashing'
    | 'deleteFts'
    | 'insertCassette'
    | 'insertTag'
    | 'insertHost'
    | 'insertMethod'
    | 'insertStatus'
    | 'insertFts'
    | 'updateSignature'
    | 'insertActivity'
    | 'pruneFts',
    Statement
  >;

  constructor(readonly db: IndexDatabase) {
    db.function('name_fold', { deterministic: true }, (name) => nameFoldKey(String(name)));
    this.statements = {
      byName: db.prepare(`${STATE_SELECT} WHERE name = ?`),
      byFileName: db.prepare(`${STATE_SELECT} WHERE file_name = ?`),
      all: db.prepare(STATE_SELECT),
      nameFolded: db.prepare('SELECT name FROM cassettes WHERE name_fold(name) = ? LIMIT 1'),
      summary: db.prepare(`${SUMMARY_SELECT} WHERE c.name = ?`),
      deleteClashing: db.prepare(
        'DELETE FROM cassettes WHERE name = ? OR file_name = ? OR name = ? RETURNING id',
      ),
      deleteFts: db.prepare('DELETE FROM cassettes_fts WHERE rowid = ?'),
      insertCassette: db.prepare(`INSERT INTO cassettes (name, file_name, storage, format,
        container, size_bytes, mtime_ms, content_hash, version, recorded_at, created_at,
        modified_at, recorded_at_ms, modified_at_ms, description, http_count, http_error_count,
        websocket_count, interaction_count, body_bytes, broken, error, indexed_at)
        VALUES (@name, @fileName, @storage, @format, @container, @sizeBytes, @mtimeMs,
        @contentHash, @version, @recordedAt, @createdAt, @modifiedAt, @recordedAtMs,
        @modifiedAtMs, @description, @http, @httpError, @webSocket, @total, @bodyBytes, @broken,
        @error, @indexedAt) RETURNING id`),
      insertTag: db.prepare(
        'INSERT OR IGNORE INTO cassette_tags (cassette_id, tag, position) VALUES (?, ?, ?)',
      ),
      insertHost: db.prepare(
        'INSERT INTO cassette_hosts (cassette_id, host, count) VALUES (?, ?, ?)',
      ),
      insertMethod: db.prepare(
        'INSERT INTO cassette_methods (cassette_id, method, count) VALUES (?, ?, ?)',
      ),
      insertStatus: db.prepare(
        'INSERT INTO cassette_statuses (cassette_id, status, count) VALUES (?, ?, ?)',
      ),
      insertFts: db.prepare(`INSERT INTO cassettes_fts (rowid, name, description, tags, urls,
        bodies) VALUES (?, ?, ?, ?, ?, ?)`),
      updateSignature: db.prepare(
        'UPDATE cassettes SET size_bytes = ?, mtime_ms = ? WHERE name = ?',
      ),
      insertActivity: db.prepare(`INSERT INTO activity (at_ms, cassette, previous_name, change,
        source) VALUES (?, ?, ?, ?, ?)`),
      pruneFts: db.prepare(
        'DELETE FROM cassettes_fts WHERE rowid NOT IN (SELECT id FROM cassettes)',
      ),
    };
  }

  byName(name: string): IndexedState | undefined {
    return stateFromRow(this.statements.byName.get(name) as StateRow | undefined);
  }

  byFileName(fileName: string): IndexedState | undefined {
    return stateFromRow(this.statements.byFileName.get(fileName) as StateRow | undefined);
  }

  all(): IndexedState[] {
    return (this.statements.all.all() as StateRow[]).map(
      (row) => stateFromRow(row) as IndexedState,
    );
  }

  /** The indexed name equal to `name` ignoring case, if any. */
  nameTakenIgnoringCase(name: string): string | undefined {
    const row = this.statements.nameFolded.get(nameFoldKey(name)) as { name: string } | undefined;
    return row?.name;
  }

  summary(name: string): CassetteSummary | undefined {
    const row = this.statements.summary.get(name) as SummaryRow | undefined;
    return row === undefined ? undefined : summaryFromRow(row);
  }

  /**
   * Stores a record, replacing the rows that held its name or its file, and `replacing` (the name
   * before a rename) when given.
   */
  put(record: IndexRecord, indexedAtMs: number, replacing = record.name): void {
    this.db.transaction(() => {
      this.removeRows(record.name, record.fileName, replacing);
      const facts = record.broken ? undefined : record.facts;
      const { id } = this.statements.insertCassette.get({
        name: record.name,
        fileName: record.fileName,
        storage: record.storage,
        format: facts?.format ?? null,
        container: facts?.container ?? null,
        sizeBytes: record.sizeBytes,
        mtimeMs: record.mtimeMs,
        contentHash: record.contentHash,
        version: facts?.version ?? null,
        recordedAt: facts?.recordedAt ?? null,
        createdAt: facts?.createdAt ?? null,
        modifiedAt: facts?.modifiedAt ?? null,
        recordedAtMs: timeOrFallback(facts?.recordedAt, record.mtimeMs),
        modifiedAtMs: timeOrFallback(facts?.modifiedAt, record.mtimeMs),
        description: facts?.description ?? '',
        http: facts?.interactions.http ?? 0,
        httpError: facts?.interactions.httpError ?? 0,
        webSocket: facts?.interactions.webSocket ?? 0,
        total: facts?.interactions.total ?? 0,
        bodyBytes: facts?.bodyBytes ?? 0,
        broken: record.broken ? 1 : 0,
        error: record.broken ? record.error : null,
        indexedAt: new Date(indexedAtMs).toISOString(),
      }) as { id: number };
      if (facts === undefined) {
        this.statements.insertFts.run(id, record.name, '', '', '', '');
        return;
      }
      facts.tags.forEach((tag, position) => this.statements.insertTag.run(id, tag, position));
      for (const [host, count] of facts.hosts) this.statements.insertHost.run(id, host, count);
      for (const [method, count] of facts.methods) {
        this.statements.insertMethod.run(id, method, count);
      }
      for (const [status, count] of facts.statuses) {
        this.statements.insertStatus.run(id, status, count);
      }
      this.statements.insertFts.run(
        id,
        record.name,
        facts.description,
        facts.tags.join(' '),
        facts.urls,
        facts.bodies,
      );
    })();
  }

  remove(name: string): void {
    this.db.transaction(() => this.removeRows(name, '', name))();
  }

  /** The file was touched but its bytes are the same: only its size and time are new. */
  updateSignature(name: string, sizeBytes: number, mtimeMs: number): void {
    this.statements.updateSignature.run(sizeBytes, mtimeMs, name);
  }

  recordActivity(change: LibraryChange): void {
    this.statements.insertActivity.run(
      Date.parse(change.at),
      change.name,
      change.previousName ?? null,
      change.type,
      change.source,
    );
  }

  /** Drops full-text rows whose cassette is gone (after a rebuild). */
  pruneOrphans(): void {
    this.statements.pruneFts.run();
  }

  private removeRows(name: string, fileName: string, replacing: string): void {
    const removed = this.statements.deleteClashing.all(name, fileName, replacing) as Array<{
      id: number;
    }>;
    for (const { id } of removed) this.statements.deleteFts.run(id);
  }
}

function stateFromRow(row: StateRow | undefined): IndexedState | undefined {
  return row === undefined ? undefined : { ...row, broken: row.broken === 1 };
}

function timeOrFallback(iso: string | undefined, fallbackMs: number): number {
  const ms = iso === undefined ? NaN : Date.parse(iso);
  return Math.round(Number.isNaN(ms) ? fallbackMs : ms);
}
