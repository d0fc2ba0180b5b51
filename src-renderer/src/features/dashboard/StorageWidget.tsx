import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Empty } from '../../components/PageState';
import { formatBytes } from '../../lib/format';
import { useThemeColors } from '../../lib/use-theme-colors';
import type { DashboardData } from './dashboard.store';

export function StorageWidget({ data }: { data: DashboardData }) {
  const colors = useThemeColors();
  const largest = data.stats.largest.slice(0, 5);
  return (
    <div className="stack">
      <div>
        <span className="big-number-small" data-testid="storage-total">
          {formatBytes(data.stats.totalSizeBytes)}
        </span>{' '}
        <span className="muted">on disk · {formatBytes(data.stats.bodyBytes)} of bodies</span>
      </div>
      {largest.length === 0 ? (
        <Empty title="No cassettes yet." />
      ) : (
        <div
          role="img"
          aria-label={`Largest cassettes: ${largest.map((item) => `${item.name} ${formatBytes(item.sizeBytes)}`).join(', ')}`}
        >
          <ResponsiveContainer width="100%" height={150}>
            <BarChart data={largest} layout="vertical" margin={{ left: 8, right: 16 }}>
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
              />
              <Tooltip formatter={(value) => formatBytes(Number(value))} />
              <Bar
                dataKey="sizeBytes"
                name="Size"
                fill={colors['chart-1']}
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </div>
  );
}
