import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrationHash, openIndexDb, type Migration } from '../../../src-main/library/index-db';
import { IndexMigrationError } from '../../../src-main/library/library-errors';
import { MIGRATIONS } from '../../../src-main/library/migrations/index';
import { tempDir } from './temp-dir';

const first: Migration = { id: 1, name: 'first', sql: 'CREATE TABLE one (x INTEGER);' };
const second: Migration = { id: 2, name: 'second', sql: 'CREATE TABLE two (y TEXT);' };

function recorded(file: string): Array<{ id: number; name: string; hash: string }> {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT id, name, hash FROM schema_migrations ORDER BY id').all() as Array<{
      id: number;
      name: string;
      hash: string;
    }>;
  } finally {
    db.close();
  }
}

describe('index database', () => {
  it('applies the shipped migrations, records them with their hash, uses WAL', async () => {
    const file = path.join(await tempDir(), 'index.sqlite');
    const db = openIndexDb(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table')").all() as Array<{
        name: string;
      }>
    ).map((row) => row.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'cassettes',
        'cassette_tags',
        'cassette_hosts',
        'cassette_methods',
        'cassette_statuses',
        'activity',
        'cassettes_fts',
        'schema_migrations',
      ]),
    );
    db.close();
    expect(recorded(file)).toEqual(
      MIGRATIONS.map((m) => ({ id: m.id, name: m.name, hash: migrationHash(m) })),
    );
  });

  it('applies each migration once, and later ones in order', async () => {
    const file = path.join(await tempDir(), 'index.sqlite');
    openIndexDb(file, [first]).close();
    const db = openIndexDb(file, [second, first]);
    db.prepare('INSERT INTO one (x) VALUES (1)').run();
    db.prepare("INSERT INTO two (y) VALUES ('a')").run();
    db.close();
    expect(recorded(file).map((row) => row.id)).toEqual([1, 2]);
  });

  it('refuses an index whose recorded migration has another hash', async () => {
    const file = path.join(await tempDir(), 'index.sqlite');
    openIndexDb(file, [first]).close();
    const edited: Migration = { ...first, sql: 'CREATE TABLE one (x INTEGER, z TEXT);' };
    expect(() => openIndexDb(file, [edited])).toThrow(IndexMigrationError);
    expect(() => openIndexDb(file, [edited])).toThrow(
      /recorded migration 0001-first with hash [0-9a-f]{12}, but this version's migration has hash [0-9a-f]{12}.*Delete the file to rebuild/,
    );
  });

  it('refuses an index with a migration this version does not know', async () => {
    const file = path.join(await tempDir(), 'index.sqlite');
    openIndexDb(file, [first, second]).close();
    expect(() => openIndexDb(file, [first])).toThrow(
      /has migration 0002-second, which this version does not know/,
    );
  });

  it('refuses a tampered hash of the shipped schema', async () => {
    const file = path.join(await tempDir(), 'index.sqlite');
    openIndexDb(file).close();
    const raw = new Database(file);
    raw.prepare("UPDATE schema_migrations SET hash = 'tampered' WHERE id = 1").run();
    raw.close();
    expect(() => openIndexDb(file)).toThrow(IndexMigrationError);
  });
});
