/** The progress of the running bulk operation, for the progress bar. */
import { create } from 'zustand';

interface BulkProgressState {
  task: { label: string; done: number; total: number } | undefined;
  start(label: string, total: number): void;
  advance(done: number): void;
  finish(): void;
}

export const useBulkProgress = create<BulkProgressState>()((set, get) => ({
  task: undefined,
  start: (label, total) => set({ task: { label, done: 0, total } }),
  advance(done) {
    const task = get().task;
    if (task !== undefined) set({ task: { ...task, done } });
  },
  finish: () => set({ task: undefined }),
}));
