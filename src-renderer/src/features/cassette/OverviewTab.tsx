import { KindBarsChart } from '../../components/KindBarsChart';
import { formatBytes, formatCount } from '../../lib/format';
import { InteractionSummary } from './InteractionSummary';
import type { CassetteDetail, Interaction } from './cassette.store';

const PREVIEW = 5;

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="figure">
      <span className="muted">{label}</span>
      <strong>{value}</strong>
    </div>
  );
}

/** Counts, the HTTP/WebSocket chart, hosts and statuses, and the first interactions. */
export function OverviewTab({
  detail,
  interactions,
  onShowAll,
}: {
  detail: CassetteDetail;
  interactions: Interaction[];
  onShowAll(): void;
}) {
  const { stats } = detail;
  return (
    <div className="overview">
      <div className="figures card" data-testid="cassette-stats">
        <Figure label="Interactions" value={formatCount(stats.interactionCount)} />
        <Figure label="HTTP" value={formatCount(stats.httpCount)} />
        <Figure label="WebSocket" value={formatCount(stats.websocketCount)} />
        <Figure label="HTTP errors" value={formatCount(stats.httpErrorCount)} />
        <Figure label="File size" value={formatBytes(stats.totalSizeBytes)} />
        <Figure label="Bodies" value={formatBytes(stats.bodyBytes)} />
      </div>
      <section className="card panel" aria-labelledby="kinds-title">
        <h2 id="kinds-title">HTTP / WebSocket</h2>
        <KindBarsChart counts={stats} height={180} />
      </section>
      <section className="card panel" aria-labelledby="hosts-title">
        <h2 id="hosts-title">Hosts and statuses</h2>
        <ul className="count-list">
          {stats.hosts.slice(0, 6).map((host) => (
            <li key={host.value}>
              <span className="mono">{host.value}</span>
              <strong>{formatCount(host.count)}</strong>
            </li>
          ))}
        </ul>
        <div className="row">
          {stats.statusCodes.map((status) => (
            <span key={status.status} className="badge">
              {status.status} × {status.count}
            </span>
          ))}
        </div>
      </section>
      <section className="card panel overview-preview" aria-labelledby="preview-title">
        <h2 id="preview-title">Interactions</h2>
        {interactions.length === 0 ? <p className="muted">No interactions yet.</p> : null}
        <ul className="preview-list">
          {interactions.slice(0, PREVIEW).map((interaction) => (
            <li key={interaction.id}>
              <InteractionSummary interaction={interaction} />
            </li>
          ))}
        </ul>
        {interactions.length > PREVIEW ? (
          <button type="button" className="btn" onClick={onShowAll}>
            Show all {formatCount(interactions.length)}
          </button>
        ) : null}
      </section>
    </div>
  );
}
