import { Cell, Pie, PieChart, ResponsiveContainer, Tooltip } from 'recharts';
import { useThemeColors, type ThemeColors } from '../../lib/use-theme-colors';

export interface DonutSlice {
  name: string;
  value: number;
  /** A theme colour (a CSS variable's name). */
  color: keyof ThemeColors;
}

/** The interactions by kind as a donut (recharts); slices without interactions are left out. */
export function InteractionsDonutChart(props: {
  slices: DonutSlice[];
  width: number;
  height: number;
}) {
  const { slices, width, height } = props;
  const colors = useThemeColors();
  const shown = slices.filter((slice) => slice.value > 0);
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width, height }}>
      <PieChart>
        <Pie
          data={shown}
          dataKey="value"
          nameKey="name"
          innerRadius={42}
          outerRadius={66}
          stroke={colors.surface}
          isAnimationActive={false}
        >
          {shown.map((slice) => (
            <Cell key={slice.name} fill={colors[slice.color]} />
          ))}
        </Pie>
        <Tooltip />
      </PieChart>
    </ResponsiveContainer>
  );
}
