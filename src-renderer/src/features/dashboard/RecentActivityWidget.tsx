import { Link } from 'react-router-dom';
import { Empty } from '../../components/PageState';
import { formatAge, formatCount } from '../../lib/format';
import type { DashboardData } from './dashboard.store';

export function RecentActivityWidget({ data }: { data: DashboardData }) {
  if (data.recent.length === 0) return <Empty title="No cassettes changed yet." />;
  return (
    <ol className="timeline" data-testid="recent-activity">
      {data.recent.map((cassette) => {
        const changed = cassette.metadata.modifiedAt ?? cassette.metadata.fileModifiedAt;
        return (
          <li key={cassette.name}>
            <span className="timeline-dot" aria-hidden="true" />
            <Link to={`/cassettes/${encodeURIComponent(cassette.name)}`}>{cassette.name}</Link>
            <span className="muted">
              {formatCount(cassette.interactionCount)} interactions ·{' '}
              <time dateTime={changed}>{formatAge(changed)}</time>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
