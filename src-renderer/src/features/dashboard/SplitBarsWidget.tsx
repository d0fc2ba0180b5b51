import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useThemeColors } from '../../lib/use-theme-colors';
import type { DashboardData } from './dashboard.store';

export function SplitBarsWidget({ data }: { data: DashboardData }) {
  const colors = useThemeColors();
  const bars = [
    { name: 'HTTP', value: data.stats.httpCount, color: colors['chart-1'] },
    { name: 'WebSocket', value: data.stats.websocketCount, color: colors['chart-2'] },
    { name: 'HTTP errors', value: data.stats.httpErrorCount, color: colors['chart-3'] },
  ];
  return (
    <div role="img" aria-label={bars.map((bar) => `${bar.name} ${bar.value}`).join(', ')}>
      <ResponsiveContainer width="100%" height={200}>
        <BarChart data={bars} margin={{ top: 8, right: 16, left: 0, bottom: 0 }}>
          <CartesianGrid stroke={colors.border} strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" stroke={colors['text-muted']} fontSize={11} />
          <YAxis allowDecimals={false} stroke={colors['text-muted']} fontSize={11} width={48} />
          <Tooltip />
          <Bar dataKey="value" name="Interactions" isAnimationActive={false}>
            {bars.map((bar) => (
              <Cell key={bar.name} fill={bar.color} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
