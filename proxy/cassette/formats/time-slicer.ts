/**
 * Long loops on the main thread, cut into short slices: between slices the event loop runs, so
 * encoding a large batch of recordings never holds up the requests in flight for long.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

/** How long a slice may run, in milliseconds. */
const SLICE_MS = 4;

export class TimeSlicer {
  private sliceStart = performance.now();

  /** Whether the current slice has run its time (then `await nextSlice()`). */
  due(): boolean {
    return performance.now() - this.sliceStart >= SLICE_MS;
  }

  /** Lets the event loop run, then starts a new slice. */
  async nextSlice(): Promise<void> {
    await nextTurn();
    this.sliceStart = performance.now();
  }
}
