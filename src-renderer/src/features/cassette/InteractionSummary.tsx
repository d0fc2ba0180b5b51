import { StatusBadge } from './StatusBadge';
import type { Interaction } from './cassette.store';
import { interactionTitle } from './interaction-search';

/** One line for an interaction: kind, status, method and URL, timing. */
export function InteractionSummary({ interaction }: { interaction: Interaction }) {
  return (
    <span className="interaction-summary">
      <span className={`badge kind-${interaction.kind.toLowerCase()}`}>
        {interaction.kind === 'HttpError'
          ? 'Error'
          : interaction.kind === 'WebSocket'
            ? 'WS'
            : 'HTTP'}
      </span>
      {interaction.response === null ? null : <StatusBadge status={interaction.response.status} />}
      {interaction.response?.hasTemplates === true ? (
        <span className="badge badge-info">Has templates</span>
      ) : null}
      <span className="mono interaction-title">{interactionTitle(interaction)}</span>
      {interaction.kind === 'WebSocket' ? (
        <span className="muted">{interaction.websocketMessages?.length ?? 0} messages</span>
      ) : null}
      {interaction.responseTimeMs === null ? null : (
        <span className="muted">{interaction.responseTimeMs} ms</span>
      )}
    </span>
  );
}
