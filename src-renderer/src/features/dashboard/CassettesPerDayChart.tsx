import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useThemeColors, type ThemeColors } from '../../lib/use-theme-colors';
import type { cassettesPerDay } from './dashboard-figures';

export interface DaySeries {
  key: 'cassettes' | 'created';
  name: string;
  /** A theme colour (a CSS variable's name). */
  color: keyof ThemeColors;
}

/** Cassettes and creations per day as lines (recharts); the widget shows the legend. */
export function CassettesPerDayChart(props: {
  points: ReturnType<typeof cassettesPerDay>;
  series: readonly DaySeries[];
  width: number;
  height: number;
}) {
  const { points, series, width, height } = props;
  const colors = useThemeColors();
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width, height }}>
      <LineChart data={points} margin={{ top: 8, right: 24, left: 0, bottom: 0 }}>
        <CartesianGrid stroke={colors.border} strokeDasharray="3 3" />
        <XAxis dataKey="label" stroke={colors['text-muted']} fontSize={11} />
        <YAxis
          allowDecimals={false}
          stroke={colors['text-muted']}
          fontSize={11}
          width={40}
          interval={0}
        />
        <Tooltip />
        {series.map((line) => (
          <Line
            key={line.key}
            type="monotone"
            dataKey={line.key}
            name={line.name}
            stroke={colors[line.color]}
            strokeWidth={2}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
