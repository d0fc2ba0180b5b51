import { describe, expect, it } from 'vitest';
import type { IndexDatabase } from '../../../src-main/library/index-db';
import { InvalidQueryError } from '../../../src-main/library/library-errors';
import { parseSnippet, searchCassettes } from '../../../src-main/library/search-query';
import { openTestIndex, putRow } from './index-rows';

async function searchable(): Promise<IndexDatabase> {
  const { db, store } = await openTestIndex();
  putRow(store, { name: 'payments', description: 'Stripe checkout', tags: ['billing'] });
  putRow(store, { name: 'orders', bodyText: 'the customer paid with payments gateway' });
  putRow(store, { name: 'chat', websockets: 1, tags: ['realtime'] });
  putRow(store, { name: 'weird', bodyText: 'Crème brûlée 🎂 NEAR(x) "quoted" a OR b' });
  putRow(store, { name: 'payments-broken', broken: 'not JSON' });
  return db;
}

const namesOf = (db: IndexDatabase, text: string): string[] =>
  searchCassettes(db, text).map((hit) => hit.name);

describe('full-text search', () => {
  it('finds names, descriptions, tags, URLs and bodies', async () => {
    const db = await searchable();
    expect(namesOf(db, 'stripe')).toEqual(['payments']);
    expect(namesOf(db, 'billing')).toEqual(['payments']);
    expect(namesOf(db, 'live.example.com')).toEqual(['chat']);
    expect(namesOf(db, 'tick')).toEqual(['chat']);
    expect(namesOf(db, 'customer')).toEqual(['orders']);
    expect(namesOf(db, 'creme brulee')).toEqual(['weird']);
  });

  it('matches word prefixes and ranks name matches first', async () => {
    const db = await searchable();
    const hits = searchCassettes(db, 'paym');
    expect(
      hits
        .map((hit) => hit.name)
        .slice(0, 2)
        .sort(),
    ).toEqual(['payments', 'payments-broken']);
    expect(hits[2]?.name).toBe('orders');
    expect(hits[1]?.score).toBeGreaterThan(hits[2]?.score ?? Infinity);
    const broken = hits.find((hit) => hit.name === 'payments-broken');
    expect(broken?.summary).toMatchObject({ broken: true, error: 'not JSON' });
  });

  it('returns snippets with the matched words marked by ranges', async () => {
    const db = await searchable();
    const [hit] = searchCassettes(db, 'customer');
    expect(hit?.snippet.text).toContain('the customer paid');
    const marked = hit?.snippet.highlights.map(({ start, end }) =>
      hit.snippet.text.slice(start, end),
    );
    expect(marked).toEqual(['customer']);
  });

  it.each([
    '"',
    '*',
    'NEAR(',
    'a OR',
    '😀',
    'AND',
    ')',
    "'",
    '\\',
    'x"y',
    '^',
    '-',
    ':',
    '""""',
    'NOT',
    '(a OR b) AND "c',
  ])('never fails on hostile input %j', async (text) => {
    const db = await searchable();
    expect(Array.isArray(searchCassettes(db, text))).toBe(true);
  });

  it('searches operator words as plain words', async () => {
    const db = await searchable();
    expect(namesOf(db, 'NEAR(')).toEqual(['weird']);
    expect(namesOf(db, '"quoted')).toEqual(['weird']);
    expect(namesOf(db, '😀')).toEqual([]);
  });

  it('limits results, 20 by default', async () => {
    const { db, store } = await openTestIndex();
    for (let i = 0; i < 30; i++) putRow(store, { name: `same-${i}`, description: 'common word' });
    expect(searchCassettes(db, 'common')).toHaveLength(20);
    expect(searchCassettes(db, 'common', { limit: 25 })).toHaveLength(25);
  });

  it.each([0, 501, 2.5])('refuses limit %j', async (limit) => {
    const db = await searchable();
    expect(() => searchCassettes(db, 'x', { limit })).toThrow(InvalidQueryError);
  });

  it('refuses text that is not a string', async () => {
    const db = await searchable();
    expect(() => searchCassettes(db, 42 as unknown as string)).toThrow(InvalidQueryError);
  });
});

describe('snippet parsing', () => {
  it('turns markers into ranges', () => {
    expect(parseSnippet('a \u0002bc\u0003 d \u0002e\u0003')).toEqual({
      text: 'a bc d e',
      highlights: [
        { start: 2, end: 4 },
        { start: 7, end: 8 },
      ],
    });
  });
});
