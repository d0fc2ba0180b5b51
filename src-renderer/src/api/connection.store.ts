/** The live connection's state, for the footer's Live indicator and for refetching after a gap. */
import { create } from 'zustand';

export type ConnectionStatus = 'connecting' | 'live' | 'offline';

export interface ConnectionState {
  status: ConnectionStatus;
  /** Incremented on every (re)connection: data fetched before may have missed changes. */
  epoch: number;
  /** The last reason the connection dropped. */
  lastError: string | undefined;
  connected(): void;
  connecting(): void;
  dropped(reason: string | undefined): void;
}

export const useConnection = create<ConnectionState>()((set) => ({
  status: 'connecting',
  epoch: 0,
  lastError: undefined,
  connected: () =>
    set((state) => ({ status: 'live', epoch: state.epoch + 1, lastError: undefined })),
  connecting: () => set((state) => (state.status === 'offline' ? state : { status: 'connecting' })),
  dropped: (reason) => set({ status: 'offline', lastError: reason }),
}));
