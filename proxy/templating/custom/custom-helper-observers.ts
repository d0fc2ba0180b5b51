/**
 * The custom helpers registered in this thread, as given to `registerCustomHelper`, and the
 * observers told of each change: a proxy engine running in a worker thread registers them there
 * too (proxy/engine/worker/).
 */
import type { SandboxLimits } from './sandbox-limits';

/** A registered custom helper: what it takes to register it again elsewhere. */
export interface CustomHelperDefinition {
  name: string;
  code: string;
  description: string;
  limits: SandboxLimits;
}

export type CustomHelperChange =
  { kind: 'defined'; helper: CustomHelperDefinition } | { kind: 'removed'; name: string };

/** Awaited by `registerCustomHelper` (not by removals); must not throw. */
export type CustomHelperObserver = (change: CustomHelperChange) => Promise<void> | void;

const definitions = new Map<string, CustomHelperDefinition>();
const observers = new Set<CustomHelperObserver>();

/** The helpers registered now, in registration order. */
export function customHelperDefinitions(): CustomHelperDefinition[] {
  return [...definitions.values()];
}

/** Calls `observer` on every later change; returns the function that stops it. */
export function observeCustomHelpers(observer: CustomHelperObserver): () => void {
  observers.add(observer);
  return () => void observers.delete(observer);
}

/** Keeps the change and tells the observers; resolves once they are done. */
export async function announceCustomHelperChange(change: CustomHelperChange): Promise<void> {
  if (change.kind === 'defined') definitions.set(change.helper.name, change.helper);
  else definitions.delete(change.name);
  await Promise.all([...observers].map((observer) => observer(change)));
}
