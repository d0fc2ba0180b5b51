/**
 * What the studio's thread and the engine worker say to each other. Two channels: the worker's own
 * port (commands, status, exchanges, errors) and a MessagePort for the cassette store (store-bridge).
 */
import type { MessagePort } from 'node:worker_threads';
import type { Cassette, Interaction } from '../../cassette/cassette.model';
import type { CustomHelperDefinition } from '../../templating/custom/custom-helper-observers';
import type { EngineOptions, ReconfigureOptions } from '../engine-options';
import type { ExchangeEvent, ExchangeOutcome, ProxyStatus } from '../engine.model';
import type { TransferredError } from './error-transfer';

/** The options that cross to the worker: everything but the store and the functions. */
export type WorkerEngineOptions = Omit<
  EngineOptions,
  'store' | 'upstreamLookup' | 'webSocketHandler'
> & {
  /** Only null (refuse upgrades) or absent (the engine's own handler) can cross. */
  webSocketHandler?: null;
};

/** `workerData`. */
export interface WorkerStart {
  /** The cassette store's channel (the worker's end). */
  storePort: MessagePort;
}

/** Studio → worker. Commands carry an id and get one `reply`. */
export type WorkerCommand =
  | {
      kind: 'start';
      id: number;
      options: WorkerEngineOptions;
      helpers: CustomHelperDefinition[];
      observed: boolean;
    }
  | { kind: 'stop'; id: number }
  | { kind: 'reconfigure'; id: number; changes: ReconfigureOptions }
  | { kind: 'define-helper'; id: number; helper: CustomHelperDefinition }
  | { kind: 'remove-helper'; id: number; name: string }
  /** Whether the studio listens to exchanges (events are only made and sent when it does). */
  | { kind: 'observe'; observed: boolean };

/** Worker → studio, in the order things happened. */
export type WorkerNotice =
  | { kind: 'reply'; id: number; ok: true; status?: ProxyStatus }
  | { kind: 'reply'; id: number; ok: false; error: TransferredError }
  | { kind: 'status'; status: ProxyStatus }
  /**
   * Exchanges since the last batch (none when nobody listens) and the counts after them. Cloned as
   * they are: sending them as JSON text costs the studio's thread more (measured).
   */
  | { kind: 'exchanges'; events: ExchangeEvent[]; counts: Record<ExchangeOutcome, number> }
  | { kind: 'error'; error: TransferredError };

/** The cassette without its interactions. */
export type CassetteHead = Omit<Cassette, 'interactions'>;

/** Worker → studio over the store's port. */
export type StoreRequest =
  | { op: 'load'; id: number; name: string }
  /**
   * A save: the cassette is `head` with the `from` interactions the studio's thread kept from the
   * previous recording save of this name (none when `from` is 0), followed by `appended`.
   */
  | {
      op: 'save';
      id: number;
      head: CassetteHead;
      from: number;
      appended: Interaction[];
      recording: boolean;
    };

/** Studio → worker over the store's port. */
export type StoreReply =
  | { id: number; ok: true; cassette?: Cassette }
  /** `resync`: the studio's thread does not hold `from` interactions; send them all. */
  | { id: number; ok: false; error: TransferredError; resync?: boolean };
