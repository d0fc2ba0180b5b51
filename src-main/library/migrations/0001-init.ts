/** The first schema: cassette rows, their tags and breakdowns, the activity log, the full-text index. */
import type { Migration } from '../index-db';

export const init: Migration = {
  id: 1,
  name: 'init',
  sql: `
CREATE TABLE cassettes (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  file_name TEXT NOT NULL UNIQUE,
  storage TEXT NOT NULL,
  format TEXT,
  container TEXT,
  size_bytes INTEGER NOT NULL,
  mtime_ms REAL NOT NULL,
  content_hash TEXT NOT NULL,
  version TEXT,
  recorded_at TEXT,
  created_at TEXT,
  modified_at TEXT,
  -- Sort keys, never null: the document's times, or the file's modification time when broken.
  recorded_at_ms INTEGER NOT NULL,
  modified_at_ms INTEGER NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  http_count INTEGER NOT NULL DEFAULT 0,
  http_error_count INTEGER NOT NULL DEFAULT 0,
  websocket_count INTEGER NOT NULL DEFAULT 0,
  interaction_count INTEGER NOT NULL DEFAULT 0,
  body_bytes INTEGER NOT NULL DEFAULT 0,
  broken INTEGER NOT NULL DEFAULT 0 CHECK (broken IN (0, 1)),
  error TEXT,
  indexed_at TEXT NOT NULL
);
CREATE INDEX cassettes_size ON cassettes (size_bytes);
CREATE INDEX cassettes_recorded ON cassettes (recorded_at_ms);
CREATE INDEX cassettes_modified ON cassettes (modified_at_ms);
CREATE INDEX cassettes_interactions ON cassettes (interaction_count);

CREATE TABLE cassette_tags (
  cassette_id INTEGER NOT NULL REFERENCES cassettes (id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (cassette_id, tag)
) WITHOUT ROWID;
CREATE INDEX cassette_tags_tag ON cassette_tags (tag);

CREATE TABLE cassette_hosts (
  cassette_id INTEGER NOT NULL REFERENCES cassettes (id) ON DELETE CASCADE,
  host TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (cassette_id, host)
) WITHOUT ROWID;

CREATE TABLE cassette_methods (
  cassette_id INTEGER NOT NULL REFERENCES cassettes (id) ON DELETE CASCADE,
  method TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (cassette_id, method)
) WITHOUT ROWID;

CREATE TABLE cassette_statuses (
  cassette_id INTEGER NOT NULL REFERENCES cassettes (id) ON DELETE CASCADE,
  status INTEGER NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (cassette_id, status)
) WITHOUT ROWID;

-- History for charts; kept across deletes, renames and rebuilds.
CREATE TABLE activity (
  id INTEGER PRIMARY KEY,
  at_ms INTEGER NOT NULL,
  cassette TEXT NOT NULL,
  previous_name TEXT,
  change TEXT NOT NULL CHECK (change IN ('created', 'updated', 'deleted', 'renamed', 'broken')),
  source TEXT NOT NULL CHECK (source IN ('app', 'disk'))
);
CREATE INDEX activity_at ON activity (at_ms);

-- rowid = cassettes.id. Bodies are capped per cassette when indexed.
CREATE VIRTUAL TABLE cassettes_fts USING fts5 (
  name, description, tags, urls, bodies,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
`,
};
