import { useVirtualizer } from '@tanstack/react-virtual';
import { useId, useRef, type KeyboardEvent } from 'react';
import { StatusBadge } from '../cassette/StatusBadge';
import { OutcomeBadge } from './OutcomeBadge';
import { clockTime, latency, splitUrl } from './traffic-format';
import { useTraffic, type TrafficEntry } from './traffic.store';

const ROW_HEIGHT = 34;

/** The exchanges, newest first, as a virtualized list box (arrow keys move the selection). */
export function TrafficList({ entries }: { entries: readonly TrafficEntry[] }) {
  const scroller = useRef<HTMLDivElement>(null);
  const selected = useTraffic((state) => state.selected);
  const select = useTraffic((state) => state.select);
  const prefix = useId();
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => entries[index]?.seq ?? index,
    overscan: 10,
  });
  const selectedIndex = entries.findIndex((entry) => entry.seq === selected);
  const rowId = (seq: number): string => `${prefix}-row-${seq}`;

  const onKeyDown = (event: KeyboardEvent): void => {
    const steps: Record<string, number> = {
      ArrowDown: selectedIndex + 1,
      ArrowUp: Math.max(0, selectedIndex - 1),
      Home: 0,
      End: entries.length - 1,
    };
    const target = steps[event.key];
    const entry = target === undefined ? undefined : entries[target];
    if (target === undefined || entry === undefined) return;
    event.preventDefault();
    select(entry.seq);
    virtualizer.scrollToIndex(target);
  };

  return (
    <div className="traffic-list">
      <div className="traffic-row traffic-head" aria-hidden="true">
        <span>Time</span>
        <span>Method</span>
        <span>Host</span>
        <span>Path</span>
        <span>Status</span>
        <span className="numeric">Latency</span>
        <span>Outcome</span>
      </div>
      <div
        ref={scroller}
        className="traffic-scroller"
        role="listbox"
        aria-label="Exchanges, newest first"
        tabIndex={0}
        aria-activedescendant={selected === undefined ? undefined : rowId(selected)}
        onKeyDown={onKeyDown}
        data-testid="traffic-list"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const entry = entries[item.index];
            if (entry === undefined) return null;
            const { host, path } = splitUrl(entry.request.url);
            return (
              <div
                key={item.key}
                id={rowId(entry.seq)}
                role="option"
                aria-selected={entry.seq === selected}
                className="traffic-row"
                data-outcome={entry.outcome}
                style={{ transform: `translateY(${item.start}px)`, height: item.size }}
                onClick={() => select(entry.seq)}
              >
                <span className="mono muted">{clockTime(entry.timestamp)}</span>
                <span className="traffic-method">{entry.request.method}</span>
                <span className="traffic-host muted" title={host}>
                  {host}
                </span>
                <span className="traffic-url" title={entry.request.url}>
                  {path}
                </span>
                <span>
                  {entry.response === null ? '—' : <StatusBadge status={entry.response.status} />}
                </span>
                <span className="numeric mono">{latency(entry.latencyMs)}</span>
                <span>
                  <OutcomeBadge outcome={entry.outcome} />
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
