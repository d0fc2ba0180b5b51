/**
 * In-process stand-ins for what Electron provides around the preload contract, whose binary cannot
 * run here: ipcMain and ipcRenderer joined by a bus (each message carries the sending frame's URL),
 * Node's MessageChannel for MessageChannelMain, and a window the preload posts the port to.
 * Everything on both sides of them is the app's real code.
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { IpcEventLike, IpcMainLike, PortPair } from '../../../../src-main/desktop/desktop-ipc';
import type { PreloadIpc } from '../../../../src-preload/create-desktop-api';

type Listener = (event: IpcEventLike, ...args: unknown[]) => unknown;

export class IpcBus {
  readonly handlers = new Map<string, Listener>();
  private readonly mainListeners = new Map<string, Set<Listener>>();
  /** The preload's listeners; the ports they get are Node's, standing in for the DOM's. */
  private readonly rendererListeners = new Map<string, Set<(event: { ports: never[] }) => void>>();
  readonly ports: MessagePort[] = [];

  readonly ipcMain: IpcMainLike = {
    handle: (channel, listener) => void this.handlers.set(channel, listener),
    removeHandler: (channel) => void this.handlers.delete(channel),
    on: (channel, listener) => {
      const set = this.mainListeners.get(channel) ?? new Set();
      set.add(listener);
      this.mainListeners.set(channel, set);
    },
    removeListener: (channel, listener) =>
      void this.mainListeners.get(channel)?.delete(listener as Listener),
  };

  /** ipcRenderer as a page at `frameUrl` has it. */
  renderer(frameUrl: string): PreloadIpc {
    const event = (): IpcEventLike => ({
      senderFrame: { url: frameUrl },
      sender: {
        postMessage: (channel, _message, transfer) => {
          for (const listener of this.rendererListeners.get(channel) ?? []) {
            listener({ ports: transfer as never[] });
          }
        },
      },
    });
    return {
      invoke: async (channel, ...args) => {
        const handler = this.handlers.get(channel);
        if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
        return handler(event(), ...args);
      },
      send: (channel, ...args) => {
        for (const listener of this.mainListeners.get(channel) ?? []) listener(event(), ...args);
      },
      on: (channel, listener) => {
        const set = this.rendererListeners.get(channel) ?? new Set();
        set.add(listener);
        this.rendererListeners.set(channel, set);
      },
    };
  }

  /** MessageChannelMain's stand-in; the page's end closing is reported like Electron's 'close'. */
  createPortPair = (): PortPair => {
    const { port1, port2 } = new MessageChannel();
    this.ports.push(port1, port2);
    return { server: port1, client: port2, onClosed: (listener) => port1.once('close', listener) };
  };

  close(): void {
    for (const port of this.ports.splice(0)) port.close();
  }
}

/** The page's window: the preload posts the port to it, the renderer listens on it. */
export class PageWindow extends EventTarget {
  magnetoDesktop: unknown;

  postMessage(message: unknown, _targetOrigin: string, transfer: unknown[] = []): void {
    const event = Object.assign(new Event('message'), {
      data: message,
      ports: transfer,
      source: this,
    });
    queueMicrotask(() => this.dispatchEvent(event));
  }

  asWindow(): Window {
    return this as unknown as Window;
  }
}
