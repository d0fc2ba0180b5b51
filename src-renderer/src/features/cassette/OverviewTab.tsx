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
import { formatBytes, formatCount } from '../../lib/format';
import { useThemeColors } from '../../lib/use-theme-colors';
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
  const colors = useThemeColors();
  const { stats } = detail;
  const bars = [
    { name: 'HTTP', value: stats.httpCount, color: colors['chart-1'] },
    { name: 'WebSocket', value: stats.websocketCount, color: colors['chart-2'] },
    { name: 'HTTP errors', value: stats.httpErrorCount, color: colors['chart-3'] },
  ];
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
        <div role="img" aria-label={bars.map((bar) => `${bar.name} ${bar.value}`).join(', ')}>
          <ResponsiveContainer width="100%" height={180}>
            <BarChart data={bars} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
              <CartesianGrid stroke={colors.border} strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="name" stroke={colors['text-muted']} fontSize={11} />
              <YAxis allowDecimals={false} stroke={colors['text-muted']} fontSize={11} width={40} />
              <Tooltip />
              <Bar dataKey="value" name="Interactions" isAnimationActive={false}>
                {bars.map((bar) => (
                  <Cell key={bar.name} fill={bar.color} />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
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
