import { describe, expect, it } from 'vitest';
import { clockedLibrary, httpInput } from './library-kit';

describe('queries through the library', () => {
  it('lists, searches and counts what was written', async () => {
    const { library, clock } = await clockedLibrary();
    await library.create('alpha', { metadata: { tags: ['smoke'] } });
    await library.addInteraction('alpha', httpInput('https://shop.example/cart', 'basket full'));
    clock.advance(3 * 86_400_000);
    await library.create('beta', { storage: 'msgpack' });

    expect(library.list({ minAgeDays: 2 }).items.map((s) => s.name)).toEqual(['alpha']);
    expect(library.list({ tags: ['smoke'], kind: 'Http' }).total).toBe(1);
    expect(library.search('basket')[0]).toMatchObject({
      name: 'alpha',
      snippet: { text: 'basket full' },
    });
    expect(library.stats()).toMatchObject({
      cassettes: 2,
      interactions: { http: 1, total: 1 },
      topHosts: [{ value: 'shop.example', count: 1 }],
    });
    expect(library.cassetteStats('alpha')).toMatchObject({
      methods: [{ value: 'GET', count: 1 }],
      statusCodes: [{ status: 200, count: 1 }],
    });
    const activity = library.activity({ days: 4 });
    expect(activity.days.map((day) => day.total)).toEqual([2, 0, 0, 1]);
    expect(activity.hours).toEqual([
      { date: '2025-07-01', hour: 9, count: 2 },
      { date: '2025-07-04', hour: 9, count: 1 },
    ]);
  });
});
