import { DeferredMount } from '../../components/DeferredMount';
import { Empty } from '../../components/PageState';
import { formatCount } from '../../lib/format';
import type { DonutSlice } from './InteractionsDonutChart';
import type { DashboardData } from './dashboard.store';
import { loadInteractionsDonutChart } from './lazy-charts';

const CHART_HEIGHT = 150;

export function InteractionsDonutWidget({ data }: { data: DashboardData }) {
  const { httpCount, httpErrorCount, websocketCount, totalInteractions } = data.stats;
  const slices: DonutSlice[] = [
    { name: 'HTTP', value: httpCount, color: 'chart-1' },
    { name: 'WebSocket', value: websocketCount, color: 'chart-2' },
    { name: 'HTTP errors', value: httpErrorCount, color: 'chart-3' },
  ];
  if (totalInteractions === 0) return <Empty title="No interactions recorded yet." />;
  return (
    <div className="donut">
      <div className="donut-chart" role="img" aria-label="Interactions by kind">
        <DeferredMount height={CHART_HEIGHT} load={loadInteractionsDonutChart}>
          {(InteractionsDonutChart, width) => (
            <InteractionsDonutChart slices={slices} height={CHART_HEIGHT} width={width} />
          )}
        </DeferredMount>
      </div>
      <ul className="legend" data-testid="interaction-split">
        {slices.map((slice) => (
          <li key={slice.name}>
            <span
              className="swatch"
              style={{ background: `var(--${slice.color})` }}
              aria-hidden="true"
            />
            {slice.name}
            <strong>{formatCount(slice.value)}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}
