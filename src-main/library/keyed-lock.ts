/**
 * Serialises tasks per key (one cassette name, say) while tasks on other keys run concurrently. A
 * task can hold several keys; it takes them all at once, so two tasks can never wait on each other.
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(keys: readonly string[], task: () => Promise<T>): Promise<T> {
    const held = [...new Set(keys)];
    let release = (): void => undefined;
    const done = new Promise<void>((resolve) => (release = resolve));
    const previous = held.map((key) => this.tails.get(key));
    for (const key of held) this.tails.set(key, done);
    try {
      await Promise.all(previous);
      return await task();
    } finally {
      release();
      for (const key of held) if (this.tails.get(key) === done) this.tails.delete(key);
    }
  }

  /** Resolves once every task queued so far has finished. */
  async idle(): Promise<void> {
    await Promise.all(this.tails.values());
  }
}
