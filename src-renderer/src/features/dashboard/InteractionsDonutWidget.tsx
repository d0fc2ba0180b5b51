import { Cell, Pie, PieChart, ResponsiveContainer, Tooltip } from 'recharts';
import { Empty } from '../../components/PageState';
import { formatCount } from '../../lib/format';
import { useThemeColors } from '../../lib/use-theme-colors';
import type { DashboardData } from './dashboard.store';

export function InteractionsDonutWidget({ data }: { data: DashboardData }) {
  const colors = useThemeColors();
  const { httpCount, httpErrorCount, websocketCount, totalInteractions } = data.stats;
  const slices = [
    { name: 'HTTP', value: httpCount, color: colors['chart-1'] },
    { name: 'WebSocket', value: websocketCount, color: colors['chart-2'] },
    { name: 'HTTP errors', value: httpErrorCount, color: colors['chart-3'] },
  ];
  if (totalInteractions === 0) return <Empty title="No interactions recorded yet." />;
  return (
    <div className="donut">
      <div className="donut-chart" role="img" aria-label="Interactions by kind">
        <ResponsiveContainer width="100%" height={150}>
          <PieChart>
            <Pie
              data={slices.filter((slice) => slice.value > 0)}
              dataKey="value"
              nameKey="name"
              innerRadius={42}
              outerRadius={66}
              stroke={colors.surface}
              isAnimationActive={false}
            >
              {slices
                .filter((slice) => slice.value > 0)
                .map((slice) => (
                  <Cell key={slice.name} fill={slice.color} />
                ))}
            </Pie>
            <Tooltip />
          </PieChart>
        </ResponsiveContainer>
      </div>
      <ul className="legend" data-testid="interaction-split">
        {slices.map((slice) => (
          <li key={slice.name}>
            <span className="swatch" style={{ background: slice.color }} aria-hidden="true" />
            {slice.name}
            <strong>{formatCount(slice.value)}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}
