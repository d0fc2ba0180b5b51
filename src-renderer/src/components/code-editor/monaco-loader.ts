/** Loads Monaco once, on first use: a chunk of its own that a page without an editor never fetches. */
import type * as Monaco from 'monaco-editor';

let loading: Promise<typeof Monaco> | undefined;

export function loadMonaco(): Promise<typeof Monaco> {
  loading ??= import('./monaco-setup').then(
    (module) => module.monaco,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
