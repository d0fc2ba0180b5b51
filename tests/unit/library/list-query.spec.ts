import { describe, expect, it } from 'vitest';
import type { IndexDatabase } from '../../../src-main/library/index-db';
import type { IndexStore } from '../../../src-main/library/index-store';
import { InvalidQueryError } from '../../../src-main/library/library-errors';
import type { ListQuery, SortKey } from '../../../src-main/library/library.model';
import { listCassettes } from '../../../src-main/library/list-query';
import { NOW, openTestIndex, putRow } from './index-rows';

const names = (db: IndexDatabase, query: ListQuery): string[] =>
  listCassettes(db, query, NOW).items.map((item) => item.name);

async function smallLibrary(): Promise<{ db: IndexDatabase; store: IndexStore }> {
  const index = await openTestIndex();
  const { store } = index;
  putRow(store, { name: 'alpha', sizeBytes: 500, ageDays: 1, http: 2, tags: ['auth', 'smoke'] });
  putRow(store, { name: 'Beta', sizeBytes: 5000, ageDays: 10, http: 1, errors: 2, tags: ['auth'] });
  putRow(store, { name: 'gamma', sizeBytes: 50_000, ageDays: 40, http: 5, websockets: 1 });
  putRow(store, {
    name: 'delta',
    sizeBytes: 800,
    ageDays: 100,
    modifiedDaysAgo: 0,
    http: 3,
    description: 'Checkout flow with coupons',
    tags: ['smoke'],
  });
  putRow(store, { name: 'epsilon', sizeBytes: 12, ageDays: 5, broken: 'not JSON' });
  return index;
}

describe('list filters', () => {
  it('lists everything by name, ignoring case, by default', async () => {
    const { db } = await smallLibrary();
    const page = listCassettes(db, {}, NOW);
    expect(page.items.map((item) => item.name)).toEqual([
      'alpha',
      'Beta',
      'delta',
      'epsilon',
      'gamma',
    ]);
    expect(page.total).toBe(5);
    expect(page.nextCursor).toBeNull();
  });

  it('filters by name substring, case-insensitively', async () => {
    const { db } = await smallLibrary();
    expect(names(db, { nameContains: 'ET' })).toEqual(['Beta']);
    expect(names(db, { nameContains: 'a' })).toEqual(['alpha', 'Beta', 'delta', 'gamma']);
    expect(names(db, { nameContains: '%' })).toEqual([]);
  });

  it('filters by full text, with a no-word text filtering nothing', async () => {
    const { db } = await smallLibrary();
    expect(names(db, { text: 'coupon' })).toEqual(['delta']);
    expect(names(db, { text: 'CHECKOUT flow' })).toEqual(['delta']);
    expect(names(db, { text: 'down.example' })).toEqual(['Beta']);
    expect(names(db, { text: '"*' })).toHaveLength(5);
  });

  it('filters by age', async () => {
    const { db } = await smallLibrary();
    expect(names(db, { minAgeDays: 30 })).toEqual(['delta', 'gamma']);
    expect(names(db, { maxAgeDays: 7 })).toEqual(['alpha', 'epsilon']);
    expect(names(db, { minAgeDays: 5, maxAgeDays: 40 })).toEqual(['Beta', 'epsilon', 'gamma']);
  });

  it('filters by size', async () => {
    const { db } = await smallLibrary();
    expect(names(db, { minSizeBytes: 800 })).toEqual(['Beta', 'delta', 'gamma']);
    expect(names(db, { maxSizeBytes: 800 })).toEqual(['alpha', 'delta', 'epsilon']);
  });

  it('filters by tags, all of them', async () => {
    const { db } = await smallLibrary();
    expect(names(db, { tags: ['auth'] })).toEqual(['alpha', 'Beta']);
    expect(names(db, { tags: ['auth', 'smoke'] })).toEqual(['alpha']);
    expect(names(db, { tags: ['smoke', 'smoke'] })).toEqual(['alpha', 'delta']);
    expect(names(db, { tags: ['nope'] })).toEqual([]);
  });

  it('filters by interaction count and kind', async () => {
    const { db } = await smallLibrary();
    expect(names(db, { minInteractions: 3 })).toEqual(['Beta', 'delta', 'gamma']);
    expect(names(db, { maxInteractions: 2 })).toEqual(['alpha', 'epsilon']);
    expect(names(db, { kind: 'HttpError' })).toEqual(['Beta']);
    expect(names(db, { kind: 'WebSocket' })).toEqual(['gamma']);
    expect(names(db, { kind: 'Http' })).toEqual(['alpha', 'Beta', 'delta', 'gamma']);
  });

  it('filters broken files in or out', async () => {
    const { db } = await smallLibrary();
    expect(names(db, { broken: true })).toEqual(['epsilon']);
    expect(names(db, { broken: false })).toHaveLength(4);
    const [broken] = listCassettes(db, { broken: true }, NOW).items;
    expect(broken).toMatchObject({ broken: true, error: 'not JSON', format: null, tags: [] });
  });

  it('combines filters', async () => {
    const { db } = await smallLibrary();
    expect(names(db, { tags: ['smoke'], minSizeBytes: 600, nameContains: 'el' })).toEqual([
      'delta',
    ]);
  });
});

describe('list sorting', () => {
  const sorted = async (sort: SortKey[]): Promise<string[]> =>
    names((await smallLibrary()).db, { sort });

  it('by size', async () => {
    expect(await sorted([{ by: 'size', order: 'desc' }])).toEqual([
      'gamma',
      'Beta',
      'delta',
      'alpha',
      'epsilon',
    ]);
  });

  it('by age: ascending is youngest first', async () => {
    expect(await sorted([{ by: 'age', order: 'asc' }])).toEqual([
      'alpha',
      'epsilon',
      'Beta',
      'gamma',
      'delta',
    ]);
  });

  it('by interactions, then name for ties', async () => {
    expect(await sorted([{ by: 'interactions', order: 'desc' }])).toEqual([
      'gamma',
      'Beta',
      'delta',
      'alpha',
      'epsilon',
    ]);
  });

  it('by modification, most recent last when ascending', async () => {
    expect(await sorted([{ by: 'modified', order: 'asc' }])).toEqual([
      'gamma',
      'Beta',
      'epsilon',
      'alpha',
      'delta',
    ]);
  });

  it('by several keys in order', async () => {
    const { db, store } = await smallLibrary();
    putRow(store, { name: 'zeta', sizeBytes: 6000, ageDays: 2, http: 3 });
    expect(
      names(db, {
        sort: [
          { by: 'interactions', order: 'asc' },
          { by: 'size', order: 'desc' },
        ],
      }),
    ).toEqual(['epsilon', 'alpha', 'zeta', 'Beta', 'delta', 'gamma']);
  });
});

describe('list pagination', () => {
  async function bigLibrary(): Promise<IndexDatabase> {
    const { db, store } = await openTestIndex();
    for (let i = 0; i < 120; i++) {
      putRow(store, {
        name: `${i % 3 === 0 ? 'Case' : 'case'}-${String((i * 37) % 120).padStart(3, '0')}`,
        sizeBytes: 100 + (i % 9) * 10,
        ageDays: i % 13,
        modifiedDaysAgo: i % 4,
        http: 1 + (i % 5),
        ...(i % 17 === 0 ? { broken: 'bad' } : {}),
      });
    }
    return db;
  }

  const sorts: SortKey[][] = [
    [{ by: 'name', order: 'asc' }],
    [{ by: 'name', order: 'desc' }],
    [{ by: 'size', order: 'asc' }],
    [
      { by: 'interactions', order: 'desc' },
      { by: 'age', order: 'asc' },
    ],
    [
      { by: 'modified', order: 'desc' },
      { by: 'size', order: 'desc' },
      { by: 'name', order: 'desc' },
    ],
  ];

  it.each(sorts.map((sort) => [sort.map((key) => `${key.by} ${key.order}`).join(', '), sort]))(
    'walks 120 cassettes the same by cursor as by offset (%s)',
    async (_label, sort) => {
      const db = await bigLibrary();
      const all = names(db, { sort });
      expect(all).toHaveLength(120);
      expect(new Set(all).size).toBe(120);

      const byOffset: string[] = [];
      for (let offset = 0; offset < 120; offset += 7) {
        const page = listCassettes(db, { sort, limit: 7, offset }, NOW);
        expect(page.total).toBe(120);
        byOffset.push(...page.items.map((item) => item.name));
      }

      const byCursor: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = listCassettes(db, { sort, limit: 7, ...(cursor ? { cursor } : {}) }, NOW);
        expect(page.total).toBe(120);
        byCursor.push(...page.items.map((item) => item.name));
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor !== undefined);

      expect(pages).toBe(Math.ceil(120 / 7));
      expect(byOffset).toEqual(all);
      expect(byCursor).toEqual(all);
    },
  );

  it('pages through filtered lists, with the filtered total', async () => {
    const db = await bigLibrary();
    const filter: ListQuery = { broken: false, minInteractions: 3 };
    const all = names(db, filter);
    const first = listCassettes(db, { ...filter, limit: 10 }, NOW);
    const second = listCassettes(db, { ...filter, limit: 10, cursor: first.nextCursor ?? '' }, NOW);
    expect(first.total).toBe(all.length);
    expect([...first.items, ...second.items].map((item) => item.name)).toEqual(all.slice(0, 20));
  });

  it('has no next cursor on the last page', async () => {
    const db = await bigLibrary();
    expect(listCassettes(db, { limit: 120 }, NOW).nextCursor).toBeNull();
    expect(listCassettes(db, { limit: 119 }, NOW).nextCursor).not.toBeNull();
  });

  it('refuses a cursor it did not make, or made for another sort', async () => {
    const db = await bigLibrary();
    expect(() => listCassettes(db, { cursor: 'garbage!' }, NOW)).toThrow(InvalidQueryError);
    const { nextCursor } = listCassettes(db, { limit: 5 }, NOW);
    expect(() =>
      listCassettes(db, { cursor: nextCursor ?? '', sort: [{ by: 'size', order: 'asc' }] }, NOW),
    ).toThrow(/another sort order/);
  });
});

describe('list query validation', () => {
  it.each([
    [{ limit: -1 }, 'limit'],
    [{ limit: 1.5 }, 'limit'],
    [{ offset: -3 }, 'offset'],
    [{ kind: 'Ftp' }, 'kind'],
    [{ sort: [{ by: 'colour', order: 'asc' }] }, 'sort'],
    [{ minSizeBytes: 'big' }, 'minSizeBytes'],
    [{ tags: 'auth' }, 'tags'],
    [{ unknownField: 1 }, 'unknownField'],
  ])('refuses %j, naming %s', async (query, field) => {
    const { db } = await openTestIndex();
    expect(() => listCassettes(db, query, NOW)).toThrow(InvalidQueryError);
    expect(() => listCassettes(db, query, NOW)).toThrow(new RegExp(field));
  });
});
