import { Link } from 'react-router-dom';
import { formatCount } from '../../lib/format';
import { changeSinceYesterday } from './dashboard-figures';
import type { DashboardData } from './dashboard.store';

export function TotalCassettesWidget({ data }: { data: DashboardData }) {
  const change = changeSinceYesterday(data.activity);
  const sign = change > 0 ? '+' : '';
  return (
    <div className="big-figure">
      <Link to="/cassettes" className="big-number" data-testid="total-cassettes">
        {formatCount(data.stats.totalCassettes)}
      </Link>
      <span
        className={`badge ${change > 0 ? 'badge-success' : change < 0 ? 'badge-danger' : ''}`}
        data-testid="total-change"
      >
        {sign}
        {formatCount(change)} since yesterday
      </span>
      <span className="muted">
        {formatCount(data.stats.totalInteractions)} interactions
        {data.stats.brokenCassettes > 0 ? ` · ${data.stats.brokenCassettes} unreadable` : ''}
      </span>
    </div>
  );
}
