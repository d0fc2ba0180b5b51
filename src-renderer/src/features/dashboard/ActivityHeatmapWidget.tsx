import { dayLabel, heatmapGrid } from './dashboard-figures';
import type { DashboardData } from './dashboard.store';

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/** Changes by day and hour as a table of shaded cells. */
export function ActivityHeatmapWidget({ data }: { data: DashboardData }) {
  const rows = heatmapGrid(data.activity);
  const max = Math.max(1, ...rows.flatMap((row) => row.hours));
  return (
    <div className="heatmap-scroll">
      <table className="heatmap" data-testid="heatmap">
        <caption className="visually-hidden">Changes per day and hour</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Day</span>
            </th>
            {HOURS.map((hour) => (
              <th key={hour} scope="col" className="heatmap-hour">
                {hour % 3 === 0 ? hour : <span className="visually-hidden">{hour}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.date}>
              <th scope="row">{dayLabel(row.date)}</th>
              {row.hours.map((count, hour) => (
                <td
                  key={hour}
                  title={`${row.date} ${hour}:00 — ${count} changes`}
                  style={{ opacity: count === 0 ? 1 : 0.25 + (0.75 * count) / max }}
                  className={count === 0 ? 'heat-0' : 'heat-on'}
                >
                  <span className="visually-hidden">{count}</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
