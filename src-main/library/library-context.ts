/** What the library's services share: the folder, the index, the per-name lock, the clock, events. */
import path from 'node:path';
import type { IndexStore } from './index-store';
import type { KeyedLock } from './keyed-lock';
import type { ChangeSource, LibraryChangeType } from './library.model';

export interface LibraryContext {
  dir: string;
  store: IndexStore;
  lock: KeyedLock;
  now(): number;
  /** Records the change in the activity log, then emits it (after the index holds it). */
  announce(change: {
    type: LibraryChangeType;
    name: string;
    previousName?: string;
    source: ChangeSource;
    atMs: number;
  }): void;
}

export function pathOf(context: LibraryContext, fileName: string): string {
  return path.join(context.dir, fileName);
}
