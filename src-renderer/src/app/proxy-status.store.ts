/** The proxy's state for the footer: fetched at start, after reconnects and every few seconds. */
import { create } from 'zustand';
import { api } from '../api';
import { ProxyStatusDocument, type ProxyStatusQuery } from '../api/generated/graphql';

const REFRESH_MS = 5_000;

interface ProxyStatusState {
  status: ProxyStatusQuery['proxyStatus'] | undefined;
  failed: boolean;
  refresh(): Promise<void>;
}

export const useProxyStatus = create<ProxyStatusState>()((set) => ({
  status: undefined,
  failed: false,
  async refresh() {
    try {
      const { proxyStatus } = await api.query(ProxyStatusDocument);
      set({ status: proxyStatus, failed: false });
    } catch {
      set({ failed: true });
    }
  },
}));

/** Refreshes the proxy status periodically; returns the function that stops it. */
export function watchProxyStatus(): () => void {
  void useProxyStatus.getState().refresh();
  const timer = setInterval(() => void useProxyStatus.getState().refresh(), REFRESH_MS);
  return () => clearInterval(timer);
}
