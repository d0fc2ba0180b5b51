/** `list()`: filters, sort and pagination (offset or cursor) over the index. */
import { z } from 'zod';
import { ftsMatchExpression } from './fts-query';
import type { IndexDatabase } from './index-db';
import { InvalidQueryError } from './library-errors';
import type { ListPage, ListQuery } from './library.model';
import { DEFAULT_SORT, planSort } from './list-sort';
import { nameFoldKey } from './naming';
import { prepared } from './statement-cache';
import { SUMMARY_SELECT, summaryFromRow, type SummaryRow } from './summary-row';

const DAY_MS = 86_400_000;
const MAX_LIMIT = 10_000;

const count = z.number().int().nonnegative();
const amount = z.number().nonnegative();

const ListQuerySchema = z.strictObject({
  nameContains: z.string().optional(),
  text: z.string().optional(),
  minAgeDays: amount.optional(),
  maxAgeDays: amount.optional(),
  minSizeBytes: amount.optional(),
  maxSizeBytes: amount.optional(),
  tags: z.array(z.string()).optional(),
  minInteractions: count.optional(),
  maxInteractions: count.optional(),
  kind: z.enum(['Http', 'HttpError', 'WebSocket']).optional(),
  broken: z.boolean().optional(),
  sort: z
    .array(
      z.strictObject({
        by: z.enum(['name', 'size', 'age', 'interactions', 'modified']),
        order: z.enum(['asc', 'desc']),
      }),
    )
    .optional(),
  limit: count.max(MAX_LIMIT).optional(),
  offset: count.optional(),
  cursor: z.string().optional(),
});

const KIND_COLUMNS = {
  Http: 'http_count',
  HttpError: 'http_error_count',
  WebSocket: 'websocket_count',
};

/** Validates a query, with a message naming the offending field. */
function parseListQuery(query: unknown): ListQuery {
  const result = ListQuerySchema.safeParse(query ?? {});
  if (!result.success) {
    throw new InvalidQueryError(`Invalid list query: ${z.prettifyError(result.error)}`);
  }
  return result.data;
}

interface Where {
  clauses: string[];
  params: Array<string | number>;
}

function filterClauses(query: ListQuery, nowMs: number): Where {
  const where: Where = { clauses: [], params: [] };
  const add = (clause: string, ...params: Array<string | number>): void => {
    where.clauses.push(clause);
    where.params.push(...params);
  };
  if (query.nameContains !== undefined && query.nameContains !== '') {
    add('instr(name_fold(c.name), ?) > 0', nameFoldKey(query.nameContains));
  }
  const match = query.text === undefined ? undefined : ftsMatchExpression(query.text);
  if (match !== undefined) {
    add('c.id IN (SELECT rowid FROM cassettes_fts WHERE cassettes_fts MATCH ?)', match);
  }
  if (query.minAgeDays !== undefined) {
    add('c.recorded_at_ms <= ?', nowMs - query.minAgeDays * DAY_MS);
  }
  if (query.maxAgeDays !== undefined) {
    add('c.recorded_at_ms >= ?', nowMs - query.maxAgeDays * DAY_MS);
  }
  if (query.minSizeBytes !== undefined) add('c.size_bytes >= ?', query.minSizeBytes);
  if (query.maxSizeBytes !== undefined) add('c.size_bytes <= ?', query.maxSizeBytes);
  const tags = [...new Set(query.tags ?? [])];
  if (tags.length > 0) {
    add(
      `c.id IN (SELECT cassette_id FROM cassette_tags WHERE tag IN (${tags.map(() => '?').join(', ')})
        GROUP BY cassette_id HAVING COUNT(*) = ?)`,
      ...tags,
      tags.length,
    );
  }
  if (query.minInteractions !== undefined) {
    add('c.interaction_count >= ?', query.minInteractions);
  }
  if (query.maxInteractions !== undefined) {
    add('c.interaction_count <= ?', query.maxInteractions);
  }
  if (query.kind !== undefined) add(`c.${KIND_COLUMNS[query.kind]} > 0`);
  if (query.broken !== undefined) add('c.broken = ?', query.broken ? 1 : 0);
  return where;
}

export function listCassettes(db: IndexDatabase, rawQuery: unknown, nowMs: number): ListPage {
  const query = parseListQuery(rawQuery);
  const plan = planSort(query.sort ?? DEFAULT_SORT);
  const filters = filterClauses(query, nowMs);
  const whereSql = (clauses: string[]): string =>
    clauses.length === 0 ? '' : ` WHERE ${clauses.join(' AND ')}`;

  const total = (
    prepared(db, `SELECT COUNT(*) AS total FROM cassettes c${whereSql(filters.clauses)}`).get(
      ...filters.params,
    ) as { total: number }
  ).total;

  const clauses = [...filters.clauses];
  const params = [...filters.params];
  if (query.cursor !== undefined) {
    const after = plan.after(query.cursor);
    clauses.push(after.sql);
    params.push(...after.params);
  }
  const limit = query.limit;
  const rows = prepared(
    db,
    `${SUMMARY_SELECT}${whereSql(clauses)} ORDER BY ${plan.orderBy} LIMIT ? OFFSET ?`,
  ).all(...params, limit === undefined ? -1 : limit + 1, query.offset ?? 0) as SummaryRow[];

  const hasMore = limit !== undefined && rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  return {
    items: page.map(summaryFromRow),
    total,
    nextCursor: hasMore && last !== undefined ? plan.cursorOf(last) : null,
  };
}
