import { useEffect, type ComponentType } from 'react';
import { useConnection } from '../../api';
import { PageHeader } from '../../app/PageHeader';
import { Failure, Loading } from '../../components/PageState';
import { ActivityHeatmapWidget } from './ActivityHeatmapWidget';
import { CassettesPerDayWidget } from './CassettesPerDayWidget';
import { InteractionsDonutWidget } from './InteractionsDonutWidget';
import { RecentActivityWidget } from './RecentActivityWidget';
import { SplitBarsWidget } from './SplitBarsWidget';
import { StorageWidget } from './StorageWidget';
import { TotalCassettesWidget } from './TotalCassettesWidget';
import { WidgetFrame } from './WidgetFrame';
import { useDashboardLayout, type WidgetId } from './dashboard-layout.store';
import { startLiveDashboard, useDashboard, type DashboardData } from './dashboard.store';
import './dashboard.css';

const WIDGETS: Record<
  WidgetId,
  { title: string; wide?: boolean; Body: ComponentType<{ data: DashboardData }> }
> = {
  total: { title: 'Total cassettes', Body: TotalCassettesWidget },
  interactions: { title: 'Interactions: HTTP vs WebSocket', Body: InteractionsDonutWidget },
  storage: { title: 'Storage used', Body: StorageWidget },
  recent: { title: 'Recent activity', Body: RecentActivityWidget },
  'per-day': { title: 'Cassettes per day (7 days)', wide: true, Body: CassettesPerDayWidget },
  split: { title: 'HTTP / WebSocket split', Body: SplitBarsWidget },
  heatmap: { title: 'Activity by day and hour', wide: true, Body: ActivityHeatmapWidget },
};

export function DashboardPage() {
  const data = useDashboard((state) => state.data);
  const error = useDashboard((state) => state.error);
  const order = useDashboardLayout((state) => state.order);
  const resetLayout = useDashboardLayout((state) => state.reset);
  const epoch = useConnection((state) => state.epoch);

  useEffect(() => startLiveDashboard(), []);
  useEffect(() => {
    if (epoch > 1) void useDashboard.getState().load();
  }, [epoch]);

  return (
    <>
      <PageHeader crumbs={[{ label: 'Dashboard' }]}>
        <button type="button" className="btn" onClick={resetLayout}>
          Reset layout
        </button>
      </PageHeader>
      {data === undefined ? (
        error === undefined ? (
          <Loading label="Loading the dashboard…" />
        ) : (
          <Failure error={error} retry={() => void useDashboard.getState().load()} />
        )
      ) : (
        <div className="widgets" data-testid="dashboard">
          {order.map((id) => {
            const widget = WIDGETS[id];
            return (
              <WidgetFrame key={id} id={id} title={widget.title} wide={widget.wide}>
                <widget.Body data={data} />
              </WidgetFrame>
            );
          })}
        </div>
      )}
    </>
  );
}
