import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useThemeColors } from '../../lib/use-theme-colors';
import { cassettesPerDay } from './dashboard-figures';
import type { DashboardData } from './dashboard.store';

export function CassettesPerDayWidget({ data }: { data: DashboardData }) {
  const colors = useThemeColors();
  const points = cassettesPerDay(data.activity, data.stats.totalCassettes);
  return (
    <div
      role="img"
      aria-label={`Cassettes per day: ${points.map((point) => `${point.label} ${point.cassettes}`).join(', ')}`}
    >
      <ResponsiveContainer width="100%" height={200}>
        <LineChart data={points} margin={{ top: 8, right: 16, left: 0, bottom: 0 }}>
          <CartesianGrid stroke={colors.border} strokeDasharray="3 3" />
          <XAxis dataKey="label" stroke={colors['text-muted']} fontSize={11} />
          <YAxis allowDecimals={false} stroke={colors['text-muted']} fontSize={11} width={40} />
          <Tooltip />
          <Legend />
          <Line
            type="monotone"
            dataKey="cassettes"
            name="Cassettes"
            stroke={colors['chart-1']}
            strokeWidth={2}
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="created"
            name="Created"
            stroke={colors['chart-2']}
            strokeWidth={2}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
