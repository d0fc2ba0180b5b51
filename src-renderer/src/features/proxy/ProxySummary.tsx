import type { ProxyStatusFieldsFragment } from '../../api/generated/graphql';
import { formatCount } from '../../lib/format';
import { OUTCOMES, OutcomeBadge } from '../traffic/OutcomeBadge';
import { MODE_LABELS } from './proxy-modes';

const COUNT_FIELD = {
  REPLAYED: 'replayed',
  RECORDED: 'recorded',
  MISSED: 'missed',
  PASSTHROUGH: 'passthrough',
  ERROR: 'error',
} as const;

/** Whether the proxy runs, where, how, and what it has handled since it started. */
export function ProxySummary({ status }: { status: ProxyStatusFieldsFragment }) {
  return (
    <div className="stack" data-testid="proxy-summary" data-running={status.running}>
      <p className="proxy-state">
        <span className={`proxy-dot ${status.running ? 'on' : 'off'}`} aria-hidden="true" />
        {!status.available
          ? 'This studio runs without a proxy.'
          : status.running
            ? `Listening on ${status.host}:${status.port ?? '?'}`
            : 'Stopped'}
      </p>
      <dl className="proxy-facts">
        <dt>Mode in force</dt>
        <dd>{MODE_LABELS[status.effectiveMode].label}</dd>
        <dt>Cassette</dt>
        <dd>{status.cassette ?? 'none'}</dd>
        <dt>Kind</dt>
        <dd>{status.target === null ? 'Forward proxy' : `Reverse proxy to ${status.target}`}</dd>
      </dl>
      <ul className="proxy-counts" aria-label="Exchanges since the start">
        {OUTCOMES.map((outcome) => (
          <li key={outcome}>
            <OutcomeBadge outcome={outcome} />
            <strong>{formatCount(status.counts[COUNT_FIELD[outcome]])}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}
