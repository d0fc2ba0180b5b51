/** Toasts: short results and errors, dismissed by the user or after a while. */
import { create } from 'zustand';
import { ApiError } from '../api';

export type ToastKind = 'success' | 'error';

export interface Toast {
  id: number;
  kind: ToastKind;
  title: string;
  message?: string;
}

interface ToastState {
  toasts: Toast[];
  push(toast: Omit<Toast, 'id'>): number;
  dismiss(id: number): void;
}

const LIFETIME_MS: Record<ToastKind, number> = { success: 5000, error: 10000 };
let nextId = 1;

export const useToasts = create<ToastState>()((set, get) => ({
  toasts: [],
  push(toast) {
    const id = nextId++;
    set({ toasts: [...get().toasts.slice(-4), { ...toast, id }] });
    setTimeout(() => get().dismiss(id), LIFETIME_MS[toast.kind]);
    return id;
  },
  dismiss: (id) => set({ toasts: get().toasts.filter((toast) => toast.id !== id) }),
}));

export function toastSuccess(title: string, message?: string): void {
  useToasts.getState().push({ kind: 'success', title, message });
}

export function toastError(title: string, error: unknown): void {
  const message = ApiError.from(error).message;
  useToasts.getState().push({ kind: 'error', title, message });
}
