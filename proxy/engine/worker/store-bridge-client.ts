/**
 * The worker's `CassetteStore`: the studio's store, over a MessagePort. A load clones the cassette
 * into the worker. A recording's save sends only what changed since the previous one (the new
 * interactions and the head), so the studio's thread appends them to the copy it kept and passes
 * the store the same interaction objects as before: the library's incremental encoder, which knows
 * interactions by identity, then encodes only the new ones, as with the engine in its own thread.
 */
import type { MessagePort } from 'node:worker_threads';
import type { Cassette, Interaction } from '../../cassette/cassette.model';
import type { CassetteStore } from '../cassette-store';
import { reviveError } from './error-transfer';
import { PendingReplies } from './pending-replies';
import type { StoreReply, StoreRequest } from './worker-protocol';

type StoreAnswer = { cassette?: Cassette } | { resync: true };

/** Whether `prefix` is the start of `list`, object for object. */
function startsWith(list: readonly Interaction[], prefix: readonly Interaction[]): boolean {
  if (prefix.length > list.length) return false;
  for (let i = prefix.length - 1; i >= 0; i--) if (list[i] !== prefix[i]) return false;
  return true;
}

export class StoreBridgeClient implements CassetteStore {
  private readonly pending = new PendingReplies<StoreAnswer>();
  /** Per cassette: the interactions the studio's thread holds from the last recording save. */
  private readonly sent = new Map<string, readonly Interaction[]>();

  constructor(private readonly port: MessagePort) {
    port.on('message', (reply: StoreReply) => {
      if (reply.ok) this.pending.resolve(reply.id, { cassette: reply.cassette });
      else if (reply.resync === true) this.pending.resolve(reply.id, { resync: true });
      else this.pending.reject(reply.id, reviveError(reply.error));
    });
  }

  async load(name: string): Promise<Cassette | undefined> {
    const answer = await this.request((id) => ({ op: 'load', id, name }));
    return 'cassette' in answer ? answer.cassette : undefined;
  }

  save(cassette: Cassette): Promise<void> {
    this.sent.delete(cassette.name);
    return this.send(cassette, 0, false);
  }

  async saveRecording(cassette: Cassette): Promise<void> {
    const { name, interactions } = cassette;
    const before = this.sent.get(name) ?? [];
    const from = startsWith(interactions, before) ? before.length : 0;
    this.sent.delete(name);
    await this.send(cassette, from, true);
    this.sent.set(name, interactions);
  }

  /** Forgets what was sent of the cassettes other than `keep` (their next save sends everything). */
  forgetAllBut(keep: string | null): void {
    for (const name of this.sent.keys()) if (name !== keep) this.sent.delete(name);
  }

  /** Every request fails with `error` (the studio's thread is gone). */
  close(error: Error): void {
    this.pending.rejectAll(error);
    this.port.close();
  }

  private async send(cassette: Cassette, from: number, recording: boolean): Promise<void> {
    const { interactions, ...head } = cassette;
    const request = (id: number, start: number): StoreRequest => ({
      op: 'save',
      id,
      head,
      from: start,
      appended: interactions.slice(start),
      recording,
    });
    const answer = await this.request((id) => request(id, from));
    if ('resync' in answer) await this.request((id) => request(id, 0));
  }

  private request(make: (id: number) => StoreRequest): Promise<StoreAnswer> {
    const { id, reply } = this.pending.open();
    this.port.postMessage(make(id));
    return reply;
  }
}
