/** `search()`: ranked full-text search with highlighted snippets. */
import { z } from 'zod';
import { ftsMatchExpression } from './fts-query';
import type { IndexDatabase } from './index-db';
import { InvalidQueryError } from './library-errors';
import type { SearchHit, SearchOptions, Snippet } from './library.model';
import { prepared } from './statement-cache';
import { SUMMARY_COLUMNS, summaryFromRow, type SummaryRow } from './summary-row';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 500;
const MARK_START = '\u0002';
const MARK_END = '\u0003';

const SearchSchema = z.strictObject({
  text: z.string(),
  limit: z.number().int().min(1).max(MAX_LIMIT).optional(),
});

/**
 * Ranks every match (bm25 with column weights: name, description, tags, URLs, bodies), keeps the
 * best, and only then builds their snippets: a snippet tokenizes the document again, so building
 * one for every match would cost far more than the search itself.
 */
const SEARCH_SQL = `WITH best AS (
  SELECT rowid AS id, bm25(cassettes_fts, 10.0, 4.0, 6.0, 2.0, 1.0) AS rank
  FROM cassettes_fts WHERE cassettes_fts MATCH @match ORDER BY rank LIMIT @limit
)
SELECT ${SUMMARY_COLUMNS}, best.rank AS rank,
  snippet(cassettes_fts, -1, char(2), char(3), '…', 16) AS snippet
FROM best
JOIN cassettes_fts ON cassettes_fts.rowid = best.id
JOIN cassettes c ON c.id = best.id
WHERE cassettes_fts MATCH @match
ORDER BY best.rank, c.name`;

export function searchCassettes(
  db: IndexDatabase,
  text: string,
  options: SearchOptions = {},
): SearchHit[] {
  const parsed = SearchSchema.safeParse({ text, ...options });
  if (!parsed.success) {
    throw new InvalidQueryError(`Invalid search: ${z.prettifyError(parsed.error)}`);
  }
  const match = ftsMatchExpression(parsed.data.text);
  if (match === undefined) return [];
  const rows = prepared(db, SEARCH_SQL).all({
    match,
    limit: parsed.data.limit ?? DEFAULT_LIMIT,
  }) as Array<SummaryRow & { rank: number; snippet: string }>;
  return rows.map((row) => ({
    name: row.name,
    score: -row.rank,
    snippet: parseSnippet(row.snippet),
    summary: summaryFromRow(row),
  }));
}

/** Converts FTS5's marked snippet into plain text and highlight ranges. */
export function parseSnippet(marked: string): Snippet {
  const snippet: Snippet = { text: '', highlights: [] };
  let start = -1;
  for (const char of marked) {
    if (char === MARK_START) start = snippet.text.length;
    else if (char === MARK_END && start >= 0) {
      snippet.highlights.push({ start, end: snippet.text.length });
      start = -1;
    } else snippet.text += char;
  }
  return snippet;
}
