/** Prepares each distinct SQL text once per connection, for statements built from query options. */
import type { Statement } from 'better-sqlite3';
import type { IndexDatabase } from './index-db';

const caches = new WeakMap<IndexDatabase, Map<string, Statement>>();

export function prepared(db: IndexDatabase, sql: string): Statement {
  let cache = caches.get(db);
  if (cache === undefined) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (statement === undefined) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}
