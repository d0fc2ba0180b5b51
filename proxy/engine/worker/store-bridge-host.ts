/**
 * The studio's side of the worker's cassette store (store-bridge-client.ts): runs its loads and
 * saves on the real store. For each cassette being recorded it keeps the interactions of the last
 * recording save and appends what the worker sends, so the store gets the same interaction objects
 * again and again (what a store's `saveRecording` relies on to encode only the new ones).
 */
import type { MessagePort } from 'node:worker_threads';
import type { Cassette, Interaction } from '../../cassette/cassette.model';
import type { CassetteStore } from '../cassette-store';
import { asError } from '../../support/as-error';
import { transferError, type ErrorKeeper } from './error-transfer';
import type { StoreReply, StoreRequest } from './worker-protocol';

export class StoreBridgeHost {
  /** Per cassette: the interactions given to the store at its last recording save. */
  private readonly kept = new Map<string, Interaction[]>();

  /** The store the worker's engine uses: given at its first start. */
  store: CassetteStore | undefined;

  constructor(
    private readonly port: MessagePort,
    private readonly errors: ErrorKeeper,
  ) {
    port.on('message', (request: StoreRequest) => {
      this.answer(request).then(
        (reply) => port.postMessage(reply),
        (error: unknown) => {
          const thrown = asError(error);
          port.postMessage({
            id: request.id,
            ok: false,
            error: transferError(thrown, this.errors.keep(thrown)),
          } satisfies StoreReply);
        },
      );
    });
  }

  /** Lets go of the copies of the cassettes other than `keep` (the worker does the same). */
  forgetAllBut(keep: string | null): void {
    for (const name of this.kept.keys()) if (name !== keep) this.kept.delete(name);
  }

  close(): void {
    this.kept.clear();
    this.port.close();
  }

  private async answer(request: StoreRequest): Promise<StoreReply> {
    const store = this.store;
    if (store === undefined) throw new Error('The proxy engine has no cassette store.');
    if (request.op === 'load') {
      return { id: request.id, ok: true, cassette: await store.load(request.name) };
    }
    const { head, from, appended, recording } = request;
    const before = this.kept.get(head.name);
    if (from > 0 && before?.length !== from) {
      const error = transferError(new Error(`${head.name}: out of step with the worker`));
      return { id: request.id, ok: false, error, resync: true };
    }
    const interactions = from === 0 ? appended : [...(before ?? []), ...appended];
    const cassette: Cassette = { ...head, interactions };
    this.kept.delete(head.name);
    if (recording && store.saveRecording !== undefined) {
      await store.saveRecording(cassette);
      this.kept.set(head.name, interactions);
    } else {
      await store.save(cassette);
    }
    return { id: request.id, ok: true };
  }
}
