import { InteractionActions } from './InteractionActions';
import { InteractionSummary } from './InteractionSummary';
import { InteractionViewer } from './InteractionViewer';
import type { Interaction } from './cassette.store';

interface InteractionItemProps {
  cassette: string;
  interaction: Interaction;
  expanded: boolean;
  onToggle(): void;
}

/** An interaction in the list: its summary, and when expanded its viewer and actions. */
export function InteractionItem({
  cassette,
  interaction,
  expanded,
  onToggle,
}: InteractionItemProps) {
  const panelId = `interaction-${interaction.id}`;
  return (
    <div
      className={`interaction-item card${expanded ? ' expanded' : ''}`}
      data-interaction={interaction.id}
    >
      <button
        type="button"
        className="interaction-toggle"
        aria-expanded={expanded}
        aria-controls={panelId}
        onClick={onToggle}
      >
        <span aria-hidden="true" className="chevron">
          {expanded ? '▾' : '▸'}
        </span>
        <InteractionSummary interaction={interaction} />
      </button>
      {expanded ? (
        <div id={panelId} className="interaction-panel">
          <InteractionActions cassette={cassette} interaction={interaction} />
          <InteractionViewer interaction={interaction} />
        </div>
      ) : null}
    </div>
  );
}
