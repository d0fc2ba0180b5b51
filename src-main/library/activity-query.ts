/** `activity()`: changes per day and per day × hour, for history charts and heatmaps. */
import { z } from 'zod';
import type { IndexDatabase } from './index-db';
import { InvalidQueryError } from './library-errors';
import {
  LIBRARY_CHANGE_TYPES,
  type ActivityCell,
  type ActivityDay,
  type ActivityOptions,
  type ActivityReport,
  type LibraryChangeType,
} from './library.model';
import { prepared } from './statement-cache';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const ActivitySchema = z.strictObject({
  days: z.number().int().min(1).max(3660),
  utcOffsetMinutes: z
    .number()
    .int()
    .min(-14 * 60)
    .max(14 * 60)
    .optional(),
});

/** Hours are counted in the requested time zone: `hourIndex` is hours since its epoch. */
const ACTIVITY_SQL = `SELECT CAST((at_ms + ?) / ${HOUR_MS} AS INTEGER) AS hourIndex, change, COUNT(*) AS count
FROM activity WHERE at_ms >= ? AND at_ms < ?
GROUP BY hourIndex, change`;

export function activityReport(
  db: IndexDatabase,
  options: ActivityOptions,
  nowMs: number,
): ActivityReport {
  const parsed = ActivitySchema.safeParse(options);
  if (!parsed.success) {
    throw new InvalidQueryError(`Invalid activity query: ${z.prettifyError(parsed.error)}`);
  }
  const { days: dayCount, utcOffsetMinutes = 0 } = parsed.data;
  const offsetMs = utcOffsetMinutes * 60_000;
  const todayStart = Math.floor((nowMs + offsetMs) / DAY_MS) * DAY_MS;
  const firstDay = todayStart - (dayCount - 1) * DAY_MS;

  const days: ActivityDay[] = [];
  const dayByDate = new Map<string, ActivityDay>();
  for (let index = 0; index < dayCount; index++) {
    const day: ActivityDay = { date: dateOf(firstDay + index * DAY_MS), total: 0, byType: zeros() };
    days.push(day);
    dayByDate.set(day.date, day);
  }
  const cells = new Map<number, ActivityCell>();
  const rows = prepared(db, ACTIVITY_SQL).all(
    offsetMs,
    firstDay - offsetMs,
    todayStart + DAY_MS - offsetMs,
  ) as Array<{ hourIndex: number; change: LibraryChangeType; count: number }>;
  for (const row of rows) {
    const date = dateOf(row.hourIndex * HOUR_MS);
    const day = dayByDate.get(date);
    if (day === undefined) continue;
    day.total += row.count;
    day.byType[row.change] += row.count;
    const cell = cells.get(row.hourIndex) ?? { date, hour: row.hourIndex % 24, count: 0 };
    cell.count += row.count;
    cells.set(row.hourIndex, cell);
  }
  return {
    from: days[0]?.date ?? dateOf(firstDay),
    to: dateOf(todayStart),
    days,
    hours: [...cells.entries()].sort(([a], [b]) => a - b).map(([, cell]) => cell),
  };
}

function dateOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function zeros(): Record<LibraryChangeType, number> {
  return Object.fromEntries(LIBRARY_CHANGE_TYPES.map((type) => [type, 0])) as Record<
    LibraryChangeType,
    number
  >;
}
