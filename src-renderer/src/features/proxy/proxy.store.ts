/** The proxy page's data: the full status (refreshed while the page is open) and the CA certificate. */
import { create } from 'zustand';
import { api } from '../../api';
import {
  ProxySetupDocument,
  ProxyStateDocument,
  type ProxySetupQuery,
  type ProxyStatusFieldsFragment,
} from '../../api/generated/graphql';
import { useProxyStatus } from '../../app/proxy-status.store';

export type CaCertificate = ProxySetupQuery['caCertificate'];

const REFRESH_MS = 2_000;

interface ProxyPageState {
  status: ProxyStatusFieldsFragment | undefined;
  ca: CaCertificate | undefined;
  error: unknown;
  load(): Promise<void>;
  refresh(): Promise<void>;
  /** Keeps a status an action returned, here and in the footer. */
  setStatus(status: ProxyStatusFieldsFragment): void;
}

export const useProxyPage = create<ProxyPageState>()((set) => ({
  status: undefined,
  ca: undefined,
  error: undefined,
  async load() {
    try {
      const { proxyStatus, caCertificate } = await api.query(ProxySetupDocument);
      set({ status: proxyStatus, ca: caCertificate, error: undefined });
    } catch (error) {
      set({ error });
    }
  },
  async refresh() {
    try {
      const { proxyStatus } = await api.query(ProxyStateDocument);
      set({ status: proxyStatus });
    } catch {
      // The next refresh tries again; the footer shows a lost connection.
    }
  },
  setStatus(status) {
    set({ status });
    void useProxyStatus.getState().refresh();
  },
}));

/** Loads the page's data and keeps the status fresh; returns the function that stops it. */
export function watchProxyPage(): () => void {
  void useProxyPage.getState().load();
  const timer = setInterval(() => void useProxyPage.getState().refresh(), REFRESH_MS);
  return () => clearInterval(timer);
}
