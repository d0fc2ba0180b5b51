import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatBytes } from '../../lib/format';
import { useThemeColors } from '../../lib/use-theme-colors';

/** The largest cassettes by size as horizontal bars (recharts). */
export function StorageBarsChart(props: {
  largest: ReadonlyArray<{ name: string; sizeBytes: number }>;
  width: number;
  height: number;
}) {
  const { largest, width, height } = props;
  const colors = useThemeColors();
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width, height }}>
      <BarChart data={largest} layout="vertical" margin={{ left: 8, right: 28 }}>
        <XAxis
          type="number"
          tickFormatter={(value: number) => formatBytes(value)}
          stroke={colors['text-muted']}
          fontSize={11}
        />
        <YAxis
          type="category"
          dataKey="name"
          width={110}
          stroke={colors['text-muted']}
          fontSize={11}
          interval={0}
        />
        <Tooltip formatter={(value) => formatBytes(Number(value))} />
        <Bar dataKey="sizeBytes" name="Size" fill={colors['chart-1']} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
