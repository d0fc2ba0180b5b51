/**
 * A message port that outlives the studio serving it: the IPC transport listens on the relay, the
 * relay on the real port. While the studio is being replaced (a cassette folder switch), incoming
 * envelopes are held and handed to the next transport, so a client that reconnects during the gap
 * loses nothing.
 */
import { listenForEnvelopes, type IpcEnvelope, type MessagePortLike } from '../server/ipc-protocol';

type Listener = (value: unknown) => void;

export class PortRelay implements MessagePortLike {
  private readonly listeners = new Set<Listener>();
  private held: IpcEnvelope[] | undefined;
  private readonly stopListening: () => void;

  constructor(private readonly port: MessagePortLike) {
    this.stopListening = listenForEnvelopes(port, (envelope) => {
      if (this.held !== undefined) this.held.push(envelope);
      else for (const listener of [...this.listeners]) listener(envelope);
    });
  }

  postMessage(message: unknown): void {
    this.port.postMessage(message);
  }

  on(_event: 'message', listener: Listener): this {
    this.listeners.add(listener);
    return this;
  }

  off(_event: 'message', listener: Listener): this {
    this.listeners.delete(listener);
    return this;
  }

  /** Holds what arrives until `resume()`. */
  hold(): void {
    this.held ??= [];
  }

  /** Delivers what was held, in order, to the listeners now attached. */
  resume(): void {
    const held = this.held ?? [];
    this.held = undefined;
    for (const envelope of held) for (const listener of [...this.listeners]) listener(envelope);
  }

  /** Stops listening to the real port (which stays open: its owner closes it). */
  dispose(): void {
    this.stopListening();
    this.listeners.clear();
    this.held = undefined;
  }
}
