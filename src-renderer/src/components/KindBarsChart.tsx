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
import { useThemeColors } from '../lib/use-theme-colors';

export interface KindCounts {
  httpCount: number;
  websocketCount: number;
  httpErrorCount: number;
}

/**
 * Interactions by kind (HTTP, WebSocket, HTTP errors) as bars, described for screen readers. With
 * `width` (the box's, when known) the chart draws at once instead of measuring first.
 */
export function KindBarsChart(props: { counts: KindCounts; width?: number; height: number }) {
  const { counts, width = -1, height } = props;
  const colors = useThemeColors();
  const bars = [
    { name: 'HTTP', value: counts.httpCount, color: colors['chart-1'] },
    { name: 'WebSocket', value: counts.websocketCount, color: colors['chart-2'] },
    { name: 'HTTP errors', value: counts.httpErrorCount, color: colors['chart-3'] },
  ];
  return (
    <div role="img" aria-label={bars.map((bar) => `${bar.name} ${bar.value}`).join(', ')}>
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width, height }}>
        <BarChart data={bars} margin={{ top: 8, right: 12, left: 0, bottom: 0 }}>
          <CartesianGrid stroke={colors.border} strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" stroke={colors['text-muted']} fontSize={11} interval={0} />
          <YAxis
            allowDecimals={false}
            stroke={colors['text-muted']}
            fontSize={11}
            width={44}
            interval={0}
          />
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
