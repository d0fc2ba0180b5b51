import { describe, expect, it } from 'vitest';
import {
  cassettesPerDay,
  changeSinceYesterday,
  heatmapGrid,
} from '../../../src-renderer/src/features/dashboard/dashboard-figures';
import {
  moveWidget,
  normalizeOrder,
  WIDGET_IDS,
} from '../../../src-renderer/src/features/dashboard/dashboard-layout.store';

const day = (date: string, created: number, deleted = 0) => ({
  date,
  total: created + deleted,
  created,
  updated: 0,
  deleted,
  renamed: 0,
});

const activity = {
  from: '2025-06-08',
  to: '2025-06-10',
  days: [day('2025-06-08', 3), day('2025-06-09', 2, 1), day('2025-06-10', 4, 1)],
  hours: [
    { date: '2025-06-09', hour: 14, count: 3 },
    { date: '2025-06-10', hour: 0, count: 5 },
    { date: '2025-06-01', hour: 3, count: 9 },
  ],
};

describe('dashboard figures', () => {
  it('counts today’s creations minus deletions as the change since yesterday', () => {
    expect(changeSinceYesterday(activity)).toBe(3);
    expect(changeSinceYesterday({ ...activity, days: [] })).toBe(0);
  });

  it('works the library size at the end of each day back from today’s total', () => {
    const points = cassettesPerDay(activity, 20);
    expect(points.map((point) => [point.date, point.cassettes, point.created])).toEqual([
      ['2025-06-08', 16, 3],
      ['2025-06-09', 17, 2],
      ['2025-06-10', 20, 4],
    ]);
  });

  it('lays changes on a day × hour grid, ignoring days out of range', () => {
    const grid = heatmapGrid(activity);
    expect(grid.map((row) => row.date)).toEqual(['2025-06-08', '2025-06-09', '2025-06-10']);
    expect(grid[1]?.hours[14]).toBe(3);
    expect(grid[2]?.hours[0]).toBe(5);
    expect(grid.flatMap((row) => row.hours).reduce((a, b) => a + b, 0)).toBe(8);
  });
});

describe('dashboard layout', () => {
  it('keeps a saved order, drops unknown widgets and appends new ones', () => {
    const order = normalizeOrder(['heatmap', 'gone', 'total', 'heatmap']);
    expect(order.slice(0, 2)).toEqual(['heatmap', 'total']);
    expect([...order].sort()).toEqual([...WIDGET_IDS].sort());
  });

  it('moves a widget to a position, clamped to the ends', () => {
    const order = [...WIDGET_IDS];
    expect(moveWidget(order, 'total', 1).slice(0, 2)).toEqual(['interactions', 'total']);
    expect(moveWidget(order, 'heatmap', -5)[0]).toBe('heatmap');
    expect(moveWidget(order, 'total', 99).at(-1)).toBe('total');
  });
});
