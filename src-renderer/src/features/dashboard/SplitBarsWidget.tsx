import { KindBarsChart } from '../../components/KindBarsChart';
import type { DashboardData } from './dashboard.store';

export function SplitBarsWidget({ data }: { data: DashboardData }) {
  return <KindBarsChart counts={data.stats} height={200} />;
}
