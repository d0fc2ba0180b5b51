/**
 * Mounts heavy parts (charts) after the page has painted, one per browser task: a page with four
 * charts then renders in four short tasks instead of one long one that blocks input. The box keeps
 * its final height meanwhile, so nothing shifts when a chart arrives, and its width is measured
 * once and handed to the chart, which can then draw at once instead of measuring in a later task.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { Failure } from './PageState';

const waiting: Array<() => void> = [];
let draining = false;

/** The next part mounts after a frame: the previous one's layout is done and it starts clean. */
function drainOne(): void {
  requestAnimationFrame(() =>
    setTimeout(() => {
      waiting.shift()?.();
      if (waiting.length > 0) drainOne();
      else draining = false;
    }, 0),
  );
}

/** Runs `mount` in a task of its own, after those queued before it; returns a cancel function. */
function scheduleMount(mount: () => void): () => void {
  waiting.push(mount);
  if (!draining) {
    draining = true;
    drainOne();
  }
  return () => {
    const index = waiting.indexOf(mount);
    if (index >= 0) waiting.splice(index, 1);
  };
}

/**
 * `children(loaded, width)` once `load` (the part's code, a dynamic import) has resolved, in a task of
 * its own; `width` is the box's width in pixels.
 */
export function DeferredMount<T>(props: {
  height: number;
  load(): Promise<T>;
  children(loaded: T, width: number): ReactNode;
}) {
  const { height, load, children } = props;
  const box = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState<{ loaded: T; width: number } | undefined>();
  const [failure, setFailure] = useState<unknown>();
  useEffect(() => {
    let cancel: (() => void) | undefined;
    let live = true;
    load().then(
      (loaded) => {
        if (!live) return;
        cancel = scheduleMount(() => {
          const width = Math.round(box.current?.getBoundingClientRect().width ?? 0);
          // Rendered and committed within this task, not batched with the next part's.
          flushSync(() => setReady({ loaded, width }));
        });
      },
      (error: unknown) => {
        if (live) setFailure(error);
      },
    );
    return () => {
      live = false;
      cancel?.();
    };
  }, [load]);
  return (
    <div ref={box} style={{ minHeight: height }}>
      {failure !== undefined ? (
        <Failure error={failure} />
      ) : ready === undefined ? null : (
        children(ready.loaded, ready.width)
      )}
    </div>
  );
}
