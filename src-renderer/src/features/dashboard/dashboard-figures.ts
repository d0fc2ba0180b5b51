/** Figures the dashboard derives from the API's activity report. */
import type { DashboardQuery } from '../../api/generated/graphql';

type Activity = DashboardQuery['activity'];

/** Cassettes created minus deleted today: the change in the total since yesterday. */
export function changeSinceYesterday(activity: Activity): number {
  const today = activity.days[activity.days.length - 1];
  return today === undefined ? 0 : today.created - today.deleted;
}

export interface DayPoint {
  date: string;
  /** Day label such as "Mon 2". */
  label: string;
  /** Cassettes in the library at the end of the day. */
  cassettes: number;
  created: number;
  changes: number;
}

/** The library's size at the end of each day, worked back from today's total. */
export function cassettesPerDay(activity: Activity, total: number): DayPoint[] {
  const points: DayPoint[] = [];
  let count = total;
  for (let index = activity.days.length - 1; index >= 0; index--) {
    const day = activity.days[index];
    if (day === undefined) continue;
    points.unshift({
      date: day.date,
      label: dayLabel(day.date),
      cassettes: Math.max(0, count),
      created: day.created,
      changes: day.total,
    });
    count -= day.created - day.deleted;
  }
  return points;
}

export function dayLabel(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const value = new Date(year ?? 1970, (month ?? 1) - 1, day ?? 1);
  return value.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric' });
}

/** Changes per day (rows, oldest first) and hour (0–23 columns). */
export function heatmapGrid(activity: Activity): { date: string; hours: number[] }[] {
  const rows = activity.days.map((day) => ({
    date: day.date,
    hours: new Array<number>(24).fill(0),
  }));
  const byDate = new Map(rows.map((row) => [row.date, row]));
  for (const cell of activity.hours) {
    const row = byDate.get(cell.date);
    if (row !== undefined && cell.hour >= 0 && cell.hour < 24) row.hours[cell.hour] = cell.count;
  }
  return rows;
}
