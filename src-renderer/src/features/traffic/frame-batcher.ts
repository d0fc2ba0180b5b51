/**
 * Hands items over in batches, once per animation frame: a burst of a thousand a second costs one
 * update a frame. A hidden tab runs no frames, so at most about `limit` items are kept waiting.
 */

/** Collects items and hands them over once per animation frame; returns push and cancel. */
export function frameBatcher<T>(
  flush: (items: T[]) => void,
  limit: number,
  schedule: (callback: () => void) => number = requestAnimationFrame,
  cancelScheduled: (handle: number) => void = cancelAnimationFrame,
): { push(item: T): void; cancel(): void } {
  let pending: T[] = [];
  let handle: number | undefined;
  const run = (): void => {
    handle = undefined;
    const items = pending;
    pending = [];
    flush(items);
  };
  return {
    push(item) {
      pending.push(item);
      // A hidden tab runs no frames: keep only what the list could show.
      if (pending.length > limit * 2) pending = pending.slice(-limit);
      handle ??= schedule(run);
    },
    cancel() {
      if (handle !== undefined) cancelScheduled(handle);
      handle = undefined;
      pending = [];
    },
  };
}
