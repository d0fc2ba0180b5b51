/** Which of the library's dialogs is open, and for which cassettes. */
import { create } from 'zustand';

export type LibraryDialog =
  | { kind: 'new' }
  | { kind: 'edit'; name: string }
  | { kind: 'duplicate'; name: string }
  | { kind: 'delete'; name: string }
  | { kind: 'bulk-delete'; names: string[] }
  | { kind: 'bulk-tag'; names: string[] }
  | { kind: 'bulk-export'; names: string[] };

interface LibraryDialogState {
  dialog: LibraryDialog | undefined;
  open(dialog: LibraryDialog): void;
  close(): void;
}

export const useLibraryDialog = create<LibraryDialogState>()((set) => ({
  dialog: undefined,
  open: (dialog) => set({ dialog }),
  close: () => set({ dialog: undefined }),
}));
