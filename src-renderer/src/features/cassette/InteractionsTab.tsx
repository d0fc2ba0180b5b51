import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { InteractionKind } from '../../api/generated/graphql';
import { Empty } from '../../components/PageState';
import { InteractionItem } from './InteractionItem';
import type { Interaction } from './cassette.store';
import { filterInteractions } from './interaction-search';

const KINDS: Array<{ value: InteractionKind | 'All'; label: string }> = [
  { value: 'All', label: 'All kinds' },
  { value: 'Http', label: 'HTTP' },
  { value: 'HttpError', label: 'HTTP errors' },
  { value: 'WebSocket', label: 'WebSocket' },
];

/** Every interaction, filtered by kind and words, expandable, virtualized for large cassettes. */
export function InteractionsTab({
  cassette,
  interactions,
}: {
  cassette: string;
  interactions: Interaction[];
}) {
  const [kind, setKind] = useState<InteractionKind | 'All'>('All');
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const shown = useMemo(
    () => filterInteractions(interactions, kind, query),
    [interactions, kind, query],
  );
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 52,
    overscan: 6,
    getItemKey: (index) => shown[index]?.id ?? index,
  });
  const toggle = (id: string): void => {
    const next = new Set(expanded);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setExpanded(next);
  };
  return (
    <div className="stack">
      <div className="toolbar" role="search">
        <select
          className="select"
          aria-label="Kind"
          value={kind}
          onChange={(event) => setKind(event.target.value as InteractionKind | 'All')}
        >
          {KINDS.map((item) => (
            <option key={item.value} value={item.value}>
              {item.label}
            </option>
          ))}
        </select>
        <input
          className="input interaction-search"
          type="search"
          aria-label="Search URLs, headers and bodies"
          placeholder="Search URLs, headers and bodies"
          data-search-box
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <button
          type="button"
          className="btn"
          onClick={() => setExpanded(new Set(shown.map((item) => item.id)))}
        >
          Expand all
        </button>
        <button type="button" className="btn" onClick={() => setExpanded(new Set())}>
          Collapse all
        </button>
        <span className="muted" role="status" data-testid="interaction-count">
          {shown.length} of {interactions.length}
        </span>
      </div>
      {shown.length === 0 ? (
        <Empty
          title={
            interactions.length === 0
              ? 'This cassette has no interactions yet.'
              : 'No interaction matches.'
          }
        />
      ) : (
        <div ref={scroller} className="interactions-scroller" data-testid="interaction-list">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const interaction = shown[item.index];
              if (interaction === undefined) return null;
              return (
                <div
                  key={item.key}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  className="interaction-slot"
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  <InteractionItem
                    cassette={cassette}
                    interaction={interaction}
                    expanded={expanded.has(interaction.id)}
                    onToggle={() => toggle(interaction.id)}
                  />
                </div>
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}
