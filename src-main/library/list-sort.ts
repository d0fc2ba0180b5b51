/**
 * Sorting of cassette lists and keyset cursors. Every sort ends with the name (binary order, which
 * is unique), so the order is total and a cursor — the sort values of the last row sent — says
 * exactly where the next page starts.
 */
import { z } from 'zod';
import { InvalidQueryError } from './library-errors';
import type { SortField, SortKey } from './library.model';
import type { SummaryRow } from './summary-row';

interface SortColumn {
  sql: string;
  /** `age` ascending is youngest first: the recording time descending. */
  inverted: boolean;
  value(row: SummaryRow): string | number;
}

const SORT_COLUMNS: Record<SortField, SortColumn> = {
  name: { sql: 'c.name COLLATE NOCASE', inverted: false, value: (row) => row.name },
  size: { sql: 'c.size_bytes', inverted: false, value: (row) => row.size_bytes },
  age: { sql: 'c.recorded_at_ms', inverted: true, value: (row) => row.recorded_at_ms },
  interactions: {
    sql: 'c.interaction_count',
    inverted: false,
    value: (row) => row.interaction_count,
  },
  modified: { sql: 'c.modified_at_ms', inverted: false, value: (row) => row.modified_at_ms },
};

const TIE_BREAK: SortColumn = { sql: 'c.name', inverted: false, value: (row) => row.name };
export const DEFAULT_SORT: readonly SortKey[] = [{ by: 'name', order: 'asc' }];

interface PlannedKey {
  column: SortColumn;
  descending: boolean;
}

export interface SortPlan {
  orderBy: string;
  /** Keyset condition for rows after the cursor's, with its parameters. */
  after(cursor: string): { sql: string; params: Array<string | number> };
  cursorOf(row: SummaryRow): string;
}

const CursorSchema = z.object({
  s: z.string(),
  k: z.array(z.union([z.string(), z.number()])),
});

export function planSort(sort: readonly SortKey[]): SortPlan {
  const keys: PlannedKey[] = [
    ...sort.map(({ by, order }) => {
      const column = SORT_COLUMNS[by];
      return { column, descending: (order === 'desc') !== column.inverted };
    }),
    { column: TIE_BREAK, descending: false },
  ];
  const signature = sort.map(({ by, order }) => `${by}:${order}`).join(',');
  return {
    orderBy: keys.map((key) => `${key.column.sql} ${key.descending ? 'DESC' : 'ASC'}`).join(', '),
    after(cursor) {
      const values = decodeCursor(cursor, signature, keys.length);
      const alternatives: string[] = [];
      const params: Array<string | number> = [];
      keys.forEach((key, index) => {
        const equal = keys.slice(0, index).map((previous) => `${previous.column.sql} = ?`);
        alternatives.push(
          [...equal, `${key.column.sql} ${key.descending ? '<' : '>'} ?`].join(' AND '),
        );
        params.push(...values.slice(0, index + 1));
      });
      return { sql: `(${alternatives.map((part) => `(${part})`).join(' OR ')})`, params };
    },
    cursorOf(row) {
      const json = JSON.stringify({ s: signature, k: keys.map((key) => key.column.value(row)) });
      return Buffer.from(json, 'utf8').toString('base64url');
    },
  };
}

function decodeCursor(cursor: string, signature: string, length: number): Array<string | number> {
  let parsed: z.infer<typeof CursorSchema>;
  try {
    parsed = CursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new InvalidQueryError('The cursor is not one this library returned.');
  }
  if (parsed.s !== signature || parsed.k.length !== length) {
    throw new InvalidQueryError(
      'The cursor belongs to a list with another sort order; start again without a cursor.',
    );
  }
  return parsed.k;
}
