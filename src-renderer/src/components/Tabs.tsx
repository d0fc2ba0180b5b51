import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import './tabs.css';

export interface TabItem<T extends string> {
  id: T;
  label: ReactNode;
}

interface TabsProps<T extends string> {
  tabs: ReadonlyArray<TabItem<T>>;
  current: T;
  onSelect(tab: T): void;
  /** What the tab list switches between, for screen readers. */
  label: string;
  /** The selected tab's panel. */
  children: ReactNode;
}

/** Tabs and the selected panel, as ARIA's tabs pattern has them (arrow keys, Home, End). */
export function Tabs<T extends string>({ tabs, current, onSelect, label, children }: TabsProps<T>) {
  const list = useRef<HTMLDivElement>(null);
  const prefix = useId();
  const tabId = (tab: T): string => `${prefix}-tab-${tab}`;
  const panelId = `${prefix}-panel`;
  const onKeyDown = (event: KeyboardEvent): void => {
    const index = tabs.findIndex((tab) => tab.id === current);
    const last = tabs.length - 1;
    const targets: Record<string, number> = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    };
    const target = tabs[targets[event.key] ?? -1];
    if (target === undefined) return;
    event.preventDefault();
    onSelect(target.id);
    list.current?.querySelector<HTMLElement>(`[id="${tabId(target.id)}"]`)?.focus();
  };
  return (
    <div className="tabbed">
      <div className="tab-list" role="tablist" aria-label={label} ref={list} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            id={tabId(tab.id)}
            type="button"
            role="tab"
            aria-selected={tab.id === current}
            aria-controls={panelId}
            tabIndex={tab.id === current ? 0 : -1}
            className="tab-button"
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div className="tab-panel" id={panelId} role="tabpanel" aria-labelledby={tabId(current)}>
        {children}
      </div>
    </div>
  );
}
