/**
 * The EventEmitter surface with event names and listener signatures checked by the compiler:
 * `class Thing extends (EventEmitter as new () => TypedEmitter<ThingEvents>)`. Types only.
 */

/** Event names mapped to their listener signatures. */
export type EventMap = { [event: string]: (...args: never[]) => void };

export interface TypedEmitter<Events extends EventMap> {
  on<E extends keyof Events>(event: E, listener: Events[E]): this;
  once<E extends keyof Events>(event: E, listener: Events[E]): this;
  off<E extends keyof Events>(event: E, listener: Events[E]): this;
  emit<E extends keyof Events>(event: E, ...args: Parameters<Events[E]>): boolean;
  removeAllListeners<E extends keyof Events>(event?: E): this;
  listenerCount<E extends keyof Events>(event: E): number;
}
