/**
 * The dashboard's figures: one query, then live updates — globalStatsUpdated replaces the figures,
 * and cassetteUpdated refreshes activity and the recent list (coalesced).
 */
import { create } from 'zustand';
import { api } from '../../api';
import {
  CassetteChangesDocument,
  DashboardDocument,
  LiveStatsDocument,
  type DashboardQuery,
  type GlobalStatsFieldsFragment,
} from '../../api/generated/graphql';

export const DASHBOARD_DAYS = 7;
const REFRESH_DELAY_MS = 400;

export interface DashboardData {
  stats: GlobalStatsFieldsFragment;
  activity: DashboardQuery['activity'];
  recent: DashboardQuery['recent']['items'];
}

interface DashboardState {
  data: DashboardData | undefined;
  error: unknown;
  loading: boolean;
  /** When live data last arrived. */
  updatedAt: number | undefined;
  load(): Promise<void>;
  setStats(stats: GlobalStatsFieldsFragment): void;
}

export const useDashboard = create<DashboardState>()((set, get) => ({
  data: undefined,
  error: undefined,
  loading: false,
  updatedAt: undefined,
  async load() {
    set({ loading: true });
    try {
      const result = await api.query(DashboardDocument, {
        days: DASHBOARD_DAYS,
        utcOffsetMinutes: -new Date().getTimezoneOffset(),
      });
      set({
        data: { stats: result.globalStats, activity: result.activity, recent: result.recent.items },
        error: undefined,
        loading: false,
        updatedAt: Date.now(),
      });
    } catch (error) {
      set({ error, loading: false });
    }
  },
  setStats(stats) {
    const data = get().data;
    if (data === undefined) return;
    // The subscription starts with the figures the query just gave: nothing to redraw then.
    const changed = JSON.stringify(stats) !== JSON.stringify(data.stats);
    set(changed ? { data: { ...data, stats }, updatedAt: Date.now() } : { updatedAt: Date.now() });
  },
}));

/** Loads the dashboard and keeps it live; returns the function that stops the updates. */
export function startLiveDashboard(): () => void {
  const store = useDashboard.getState();
  void store.load();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stopStats = api.subscribe(
    LiveStatsDocument,
    { intervalMs: 1000 },
    { next: ({ globalStatsUpdated }) => useDashboard.getState().setStats(globalStatsUpdated) },
  );
  const stopChanges = api.subscribe(
    CassetteChangesDocument,
    {},
    {
      next: () => {
        clearTimeout(timer);
        timer = setTimeout(() => void useDashboard.getState().load(), REFRESH_DELAY_MS);
      },
    },
  );
  return () => {
    clearTimeout(timer);
    stopStats();
    stopChanges();
  };
}
