import { DeferredMount } from '../../components/DeferredMount';
import type { DaySeries } from './CassettesPerDayChart';
import { cassettesPerDay } from './dashboard-figures';
import type { DashboardData } from './dashboard.store';
import { loadCassettesPerDayChart } from './lazy-charts';

const CHART_HEIGHT = 200;

export function CassettesPerDayWidget({ data }: { data: DashboardData }) {
  const points = cassettesPerDay(data.activity, data.stats.totalCassettes);
  const series: DaySeries[] = [
    { key: 'cassettes', name: 'Cassettes', color: 'chart-1' },
    { key: 'created', name: 'Created', color: 'chart-2' },
  ];
  return (
    <div className="stack">
      <div
        role="img"
        aria-label={`Cassettes per day: ${points.map((point) => `${point.label} ${point.cassettes}`).join(', ')}`}
      >
        <DeferredMount height={CHART_HEIGHT} load={loadCassettesPerDayChart}>
          {(CassettesPerDayChart, width) => (
            <CassettesPerDayChart
              points={points}
              series={series}
              height={CHART_HEIGHT}
              width={width}
            />
          )}
        </DeferredMount>
      </div>
      <ul className="legend legend-row" aria-hidden="true">
        {series.map((line) => (
          <li key={line.key}>
            <span className="swatch" style={{ background: `var(--${line.color})` }} />
            {line.name}
          </li>
        ))}
      </ul>
    </div>
  );
}
