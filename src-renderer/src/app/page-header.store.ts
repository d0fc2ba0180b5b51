/** Where pages put their breadcrumb and actions: the shell's header slot element. */
import { create } from 'zustand';

interface PageHeaderSlot {
  slot: HTMLElement | null;
  setSlot(slot: HTMLElement | null): void;
}

export const usePageHeaderSlot = create<PageHeaderSlot>()((set) => ({
  slot: null,
  setSlot: (slot) => set({ slot }),
}));
