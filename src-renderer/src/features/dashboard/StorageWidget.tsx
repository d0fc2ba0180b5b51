import { DeferredMount } from '../../components/DeferredMount';
import { Empty } from '../../components/PageState';
import { formatBytes } from '../../lib/format';
import type { DashboardData } from './dashboard.store';
import { loadStorageBarsChart } from './lazy-charts';

const CHART_HEIGHT = 150;

export function StorageWidget({ data }: { data: DashboardData }) {
  const largest = data.stats.largest.slice(0, 5);
  return (
    <div className="stack">
      <div>
        <span className="big-number-small" data-testid="storage-total">
          {formatBytes(data.stats.totalSizeBytes)}
        </span>{' '}
        <span className="muted">on disk · {formatBytes(data.stats.bodyBytes)} of bodies</span>
      </div>
      {largest.length === 0 ? (
        <Empty title="No cassettes yet." />
      ) : (
        <div
          role="img"
          aria-label={`Largest cassettes: ${largest.map((item) => `${item.name} ${formatBytes(item.sizeBytes)}`).join(', ')}`}
        >
          <DeferredMount height={CHART_HEIGHT} load={loadStorageBarsChart}>
            {(StorageBarsChart, width) => (
              <StorageBarsChart largest={largest} height={CHART_HEIGHT} width={width} />
            )}
          </DeferredMount>
        </div>
      )}
    </div>
  );
}
