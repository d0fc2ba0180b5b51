/**
 * Opens the SQLite index (WAL) and brings its schema up to date with numbered migrations. Each
 * applied migration is recorded with a hash of its SQL; an index whose recorded migrations differ
 * from this build's is refused rather than guessed at.
 */
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { IndexMigrationError } from './library-errors';
import { MIGRATIONS } from './migrations/index';

export type IndexDatabase = Database.Database;

export interface Migration {
  /** 1, 2, 3…: applied in order, each once. */
  id: number;
  name: string;
  sql: string;
}

interface AppliedMigration {
  id: number;
  name: string;
  hash: string;
}

export function migrationHash(migration: Migration): string {
  return createHash('sha256').update(migration.sql).digest('hex');
}

/** Opens (creating when missing) the index at `filePath` and applies pending migrations. */
export function openIndexDb(
  filePath: string,
  migrations: readonly Migration[] = MIGRATIONS,
): IndexDatabase {
  const db = new Database(filePath);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    applyMigrations(db, migrations, filePath);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function applyMigrations(
  db: IndexDatabase,
  migrations: readonly Migration[],
  filePath: string,
): void {
  const migrate = db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      hash TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
    const applied = db
      .prepare('SELECT id, name, hash FROM schema_migrations ORDER BY id')
      .all() as AppliedMigration[];
    for (const row of applied) checkApplied(row, migrations, filePath);
    const record = db.prepare(
      'INSERT INTO schema_migrations (id, name, hash, applied_at) VALUES (?, ?, ?, ?)',
    );
    const appliedIds = new Set(applied.map((row) => row.id));
    for (const migration of [...migrations].sort((a, b) => a.id - b.id)) {
      if (appliedIds.has(migration.id)) continue;
      db.exec(migration.sql);
      record.run(migration.id, migration.name, migrationHash(migration), new Date().toISOString());
    }
  });
  migrate.immediate();
}

function checkApplied(
  row: AppliedMigration,
  migrations: readonly Migration[],
  filePath: string,
): void {
  const label = `${String(row.id).padStart(4, '0')}-${row.name}`;
  const known = migrations.find((migration) => migration.id === row.id);
  if (known === undefined) {
    throw new IndexMigrationError(
      `The library index ${filePath} has migration ${label}, which this version does not know: ` +
        'it was written by a newer version. Delete the file to rebuild the index from the cassette files.',
    );
  }
  const expected = migrationHash(known);
  if (row.hash !== expected) {
    throw new IndexMigrationError(
      `The library index ${filePath} recorded migration ${label} with hash ${row.hash.slice(0, 12)}, ` +
        `but this version's migration has hash ${expected.slice(0, 12)}: the index was built by a ` +
        'different build. Delete the file to rebuild the index from the cassette files.',
    );
  }
}
