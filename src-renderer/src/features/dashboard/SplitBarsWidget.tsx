import { DeferredMount } from '../../components/DeferredMount';
import type { DashboardData } from './dashboard.store';
import { loadKindBarsChart } from './lazy-charts';

const CHART_HEIGHT = 200;

export function SplitBarsWidget({ data }: { data: DashboardData }) {
  return (
    <DeferredMount height={CHART_HEIGHT} load={loadKindBarsChart}>
      {(KindBarsChart, width) => (
        <KindBarsChart counts={data.stats} height={CHART_HEIGHT} width={width} />
      )}
    </DeferredMount>
  );
}
