/** The order of the dashboard's widgets, kept in the user's preferences (localStorage). */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export const WIDGET_IDS = [
  'total',
  'interactions',
  'storage',
  'recent',
  'per-day',
  'split',
  'heatmap',
] as const;

export type WidgetId = (typeof WIDGET_IDS)[number];

/** A saved order with unknown ids dropped and missing ones appended. */
export function normalizeOrder(saved: readonly string[]): WidgetId[] {
  const known = saved.filter((id): id is WidgetId =>
    (WIDGET_IDS as readonly string[]).includes(id),
  );
  const unique = [...new Set(known)];
  return [...unique, ...WIDGET_IDS.filter((id) => !unique.includes(id))];
}

/** `order` with `id` moved to `index`. */
export function moveWidget(order: readonly WidgetId[], id: WidgetId, index: number): WidgetId[] {
  const rest = order.filter((other) => other !== id);
  const target = Math.max(0, Math.min(rest.length, index));
  return [...rest.slice(0, target), id, ...rest.slice(target)];
}

interface LayoutState {
  order: WidgetId[];
  move(id: WidgetId, index: number): void;
  reset(): void;
}

export const useDashboardLayout = create<LayoutState>()(
  persist(
    (set, get) => ({
      order: [...WIDGET_IDS],
      move: (id, index) => set({ order: moveWidget(get().order, id, index) }),
      reset: () => set({ order: [...WIDGET_IDS] }),
    }),
    {
      name: 'magneto.preferences.dashboard',
      merge: (persisted, current) => ({
        ...current,
        order: normalizeOrder((persisted as { order?: string[] } | undefined)?.order ?? []),
      }),
    },
  ),
);
