import { describe, expect, it } from 'vitest';
import { activityReport } from '../../../src-main/library/activity-query';
import type { IndexStore } from '../../../src-main/library/index-store';
import { InvalidQueryError } from '../../../src-main/library/library-errors';
import type { LibraryChangeType } from '../../../src-main/library/library.model';
import { openTestIndex } from './index-rows';

/** Wednesday 2025-07-02, 10:30 UTC. */
const NOW = Date.UTC(2025, 6, 2, 10, 30);

function record(store: IndexStore, iso: string, type: LibraryChangeType, name = 'x'): void {
  store.recordActivity({ type, name, source: 'app', at: iso });
}

describe('activity', () => {
  it('counts changes per day, every day of the range listed', async () => {
    const { db, store } = await openTestIndex();
    record(store, '2025-06-29T23:59:00.000Z', 'created'); // outside a 3-day range
    record(store, '2025-06-30T00:00:00.000Z', 'created');
    record(store, '2025-06-30T08:15:00.000Z', 'updated');
    record(store, '2025-06-30T08:45:00.000Z', 'updated');
    record(store, '2025-07-02T09:00:00.000Z', 'deleted');
    record(store, '2025-07-02T09:10:00.000Z', 'renamed');
    record(store, '2025-07-02T10:29:00.000Z', 'broken');

    const report = activityReport(db, { days: 3 }, NOW);

    expect(report.from).toBe('2025-06-30');
    expect(report.to).toBe('2025-07-02');
    expect(report.days.map((day) => [day.date, day.total])).toEqual([
      ['2025-06-30', 3],
      ['2025-07-01', 0],
      ['2025-07-02', 3],
    ]);
    expect(report.days[0]?.byType).toEqual({
      created: 1,
      updated: 2,
      deleted: 0,
      renamed: 0,
      broken: 0,
    });
    expect(report.hours).toEqual([
      { date: '2025-06-30', hour: 0, count: 1 },
      { date: '2025-06-30', hour: 8, count: 2 },
      { date: '2025-07-02', hour: 9, count: 2 },
      { date: '2025-07-02', hour: 10, count: 1 },
    ]);
  });

  it('buckets in the requested time zone', async () => {
    const { db, store } = await openTestIndex();
    record(store, '2025-07-01T23:30:00.000Z', 'created');
    const utc = activityReport(db, { days: 2 }, NOW);
    expect(utc.hours).toEqual([{ date: '2025-07-01', hour: 23, count: 1 }]);
    const paris = activityReport(db, { days: 2, utcOffsetMinutes: 120 }, NOW);
    expect(paris.hours).toEqual([{ date: '2025-07-02', hour: 1, count: 1 }]);
    expect(paris.days.map((day) => [day.date, day.total])).toEqual([
      ['2025-07-01', 0],
      ['2025-07-02', 1],
    ]);
  });

  it.each([{ days: 0 }, { days: 1.5 }, { days: 5000 }, { days: 1, utcOffsetMinutes: 2000 }])(
    'refuses %j',
    async (options) => {
      const { db } = await openTestIndex();
      expect(() => activityReport(db, options, NOW)).toThrow(InvalidQueryError);
    },
  );
});
