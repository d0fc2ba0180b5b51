/** Requests sent over a port and waiting for their reply, by id. */
export class PendingReplies<T> {
  private readonly waiting = new Map<
    number,
    { resolve: (value: T) => void; reject: (error: Error) => void }
  >();
  private lastId = 0;

  get size(): number {
    return this.waiting.size;
  }

  /** A new request id and the promise its reply settles. */
  open(): { id: number; reply: Promise<T> } {
    const id = ++this.lastId;
    const reply = new Promise<T>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    return { id, reply };
  }

  resolve(id: number, value: T): void {
    this.waiting.get(id)?.resolve(value);
    this.waiting.delete(id);
  }

  reject(id: number, error: Error): void {
    this.waiting.get(id)?.reject(error);
    this.waiting.delete(id);
  }

  /** Every request fails with `error` (the other side is gone). */
  rejectAll(error: Error): void {
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
  }
}
