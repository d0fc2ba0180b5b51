import { Link } from 'react-router-dom';
import { Empty } from '../../components/PageState';
import { formatBytes } from '../../lib/format';
import { HeadersTable } from '../cassette/HeadersTable';
import { StatusBadge } from '../cassette/StatusBadge';
import { NearMissPanel } from './NearMissPanel';
import { OutcomeBadge } from './OutcomeBadge';
import { clockTime, latency } from './traffic-format';
import type { TrafficEntry } from './traffic.store';

/** One exchange: request and response headers, how it was answered, and for a miss why. */
export function TrafficDetail({ entry }: { entry: TrafficEntry | undefined }) {
  if (entry === undefined) {
    return (
      <div className="traffic-detail card">
        <Empty title="No exchange selected.">
          <span>Choose one in the list to see its request and response.</span>
        </Empty>
      </div>
    );
  }
  const { request, response } = entry;
  return (
    <section
      className="traffic-detail card stack"
      aria-label="Exchange"
      data-testid="traffic-detail"
    >
      <h2 className="traffic-detail-title">
        <span className="traffic-method">{request.method}</span> {request.url}
      </h2>
      <div className="row">
        <OutcomeBadge outcome={entry.outcome} />
        {response === null ? null : <StatusBadge status={response.status} />}
        <span className="muted">
          {clockTime(entry.timestamp)} · {latency(entry.latencyMs)} · {entry.protocol.toLowerCase()}
        </span>
      </div>
      {entry.cassette === null ? null : (
        <p className="traffic-cassette">
          Cassette{' '}
          <Link to={`/cassettes/${encodeURIComponent(entry.cassette)}`}>{entry.cassette}</Link>
          {entry.interactionId === null ? '' : `, interaction ${entry.interactionId}`}
        </p>
      )}
      {entry.error === null ? null : (
        <p className="traffic-error" role="note">
          {entry.error}
        </p>
      )}
      {entry.outcome === 'MISSED' ? <NearMissPanel entry={entry} /> : null}
      <section className="stack traffic-part" aria-label="Request">
        <h3>
          Request <span className="muted">· body {formatBytes(request.bodySize)}</span>
        </h3>
        <HeadersTable headers={request.headers} label="Request headers" />
      </section>
      <section className="stack traffic-part" aria-label="Response">
        <h3>
          Response{' '}
          <span className="muted">
            {response === null ? '· none sent' : `· body ${formatBytes(response.bodySize)}`}
          </span>
        </h3>
        {response === null ? null : (
          <HeadersTable headers={response.headers} label="Response headers" />
        )}
      </section>
    </section>
  );
}
