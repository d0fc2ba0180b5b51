import { useRef, type KeyboardEvent } from 'react';

export const TABS = ['overview', 'interactions', 'settings', 'raw'] as const;
export type Tab = (typeof TABS)[number];

const LABELS: Record<Tab, string> = {
  overview: 'Overview',
  interactions: 'Interactions',
  settings: 'Settings',
  raw: 'Raw JSON',
};

/** The tab list (arrow keys move between tabs, as ARIA's tabs pattern has it). */
export function CassetteTabs({ current, onSelect }: { current: Tab; onSelect(tab: Tab): void }) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent): void => {
    const index = TABS.indexOf(current);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = TABS[(index + step + TABS.length) % TABS.length] ?? 'overview';
    onSelect(next);
    list.current?.querySelector<HTMLElement>(`#tab-${next}`)?.focus();
  };
  return (
    <div
      className="tabs"
      role="tablist"
      aria-label="Cassette views"
      ref={list}
      onKeyDown={onKeyDown}
    >
      {TABS.map((tab) => (
        <button
          key={tab}
          id={`tab-${tab}`}
          type="button"
          role="tab"
          aria-selected={tab === current}
          aria-controls="tab-panel"
          tabIndex={tab === current ? 0 : -1}
          className="tab"
          onClick={() => onSelect(tab)}
        >
          {LABELS[tab]}
        </button>
      ))}
    </div>
  );
}
