/**
 * The virtualizer over the library's rows: only the visible ones are rendered, and the pages they
 * need are fetched. Arrow keys move between rows.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useLibrary } from './library.store';

export function useLibraryRows(rowHeight: number) {
  const scroller = useRef<HTMLDivElement>(null);
  const total = useLibrary((state) => state.total) ?? 0;
  const generation = useLibrary((state) => state.generation);
  const ensureRows = useLibrary((state) => state.ensureRows);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => ensureRows(first, last), [ensureRows, first, last, generation, total]);

  const onArrow = (index: number, event: KeyboardEvent): void => {
    const target = event.key === 'ArrowDown' ? index + 1 : event.key === 'ArrowUp' ? index - 1 : -1;
    if (target < 0 || target >= total) return;
    event.preventDefault();
    virtualizer.scrollToIndex(target);
    requestAnimationFrame(() =>
      scroller.current?.querySelector<HTMLElement>(`[data-index="${target}"] .row-link`)?.focus(),
    );
  };

  return { scroller, virtualizer, items, total, onArrow };
}
