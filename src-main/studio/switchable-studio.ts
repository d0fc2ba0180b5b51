/**
 * The studio on a cassette folder that can change while it runs (the desktop app's "Open cassette
 * folder"). A switch checks the new folder first, closes the studio on the old one (recordings are
 * saved), starts one on the new folder on the same ports, and serves the message ports again: their
 * clients reconnect over the same port. When the new folder cannot be opened the old one is
 * reopened; nothing is left half-switched.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { TypedEmitter } from '../../proxy/support/typed-emitter';
import type { StudioConfig } from '../config/studio-config';
import type { MessagePortLike } from '../server/ipc-protocol';
import {
  startHeadlessStudio,
  type HeadlessStudio,
  type HeadlessStudioOptions,
} from './headless-studio';
import { PortRelay } from './port-relay';

export class FolderSwitchError extends Error {
  override readonly name = 'FolderSwitchError';
}

export interface SwitchableStudioEvents {
  [event: string]: (...args: never[]) => void;
  /** A studio on `cassetteDir` is running (after the first start and after every switch). */
  started: (cassetteDir: string) => void;
  /** The previous studio is closed and the next one not started yet. */
  stopped: (cassetteDir: string) => void;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The folder as an absolute path, once it is known to be a folder the studio can read and write. */
export async function checkCassetteFolder(dir: string): Promise<string> {
  if (dir.trim() === '') throw new FolderSwitchError('Choose a cassette folder.');
  const resolved = path.resolve(dir);
  const stats = await fs.stat(resolved).catch(() => undefined);
  if (stats === undefined) throw new FolderSwitchError(`${resolved} does not exist.`);
  if (!stats.isDirectory()) throw new FolderSwitchError(`${resolved} is not a folder.`);
  try {
    await fs.access(resolved, fs.constants.R_OK | fs.constants.W_OK);
  } catch {
    throw new FolderSwitchError(`${resolved} cannot be read and written by this user.`);
  }
  return resolved;
}

export class SwitchableStudio extends (EventEmitter as new () => TypedEmitter<SwitchableStudioEvents>) {
  private studio: HeadlessStudio | undefined;
  private readonly relays = new Set<PortRelay>();
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    private options: HeadlessStudioOptions,
    studio: HeadlessStudio,
  ) {
    super();
    this.studio = studio;
    this.pinPorts(studio);
  }

  static async start(options: HeadlessStudioOptions): Promise<SwitchableStudio> {
    const studio = await startHeadlessStudio(options);
    const switchable = new SwitchableStudio(options, studio);
    switchable.emit('started', options.config.cassetteDir);
    return switchable;
  }

  /** The running studio; throws when a failed switch left none. */
  get current(): HeadlessStudio {
    if (this.studio === undefined) {
      throw new FolderSwitchError(
        'The studio is stopped: open a cassette folder to start it again.',
      );
    }
    return this.studio;
  }

  get config(): StudioConfig {
    return this.options.config;
  }

  get cassetteDir(): string {
    return this.options.config.cassetteDir;
  }

  /** Serves GraphQL over `port` now and after every switch; returns the function that stops it. */
  servePort(port: MessagePortLike): () => void {
    const relay = new PortRelay(port);
    this.relays.add(relay);
    this.studio?.api.servePort(relay);
    return () => {
      relay.dispose();
      this.relays.delete(relay);
    };
  }

  /** Moves the studio to `dir`; resolves with its absolute path. Switches run one at a time. */
  switchFolder(dir: string): Promise<string> {
    const next = this.queue.then(() => this.switchNow(dir));
    this.queue = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.queue;
    this.closed = true;
    for (const relay of this.relays) relay.dispose();
    this.relays.clear();
    const studio = this.studio;
    this.studio = undefined;
    await studio?.close();
  }

  private async switchNow(dir: string): Promise<string> {
    if (this.closed) throw new FolderSwitchError('The studio is closed.');
    const target = await checkCassetteFolder(dir);
    if (this.studio !== undefined && target === this.cassetteDir) return target;
    const previous = this.options;
    const startProxy = this.studio?.engine.status().running ?? previous.startProxy ?? true;
    for (const relay of this.relays) relay.hold();
    try {
      if (this.studio !== undefined) {
        await this.studio.close();
        this.studio = undefined;
        this.emit('stopped', previous.config.cassetteDir);
      }
      const wanted = {
        ...previous,
        startProxy,
        config: { ...previous.config, cassetteDir: target },
      };
      try {
        await this.run(wanted);
      } catch (error) {
        const reason = messageOf(error);
        try {
          await this.run({ ...previous, startProxy });
        } catch (reopenError) {
          throw new FolderSwitchError(
            `Cannot open ${target}: ${reason}. The previous folder ${previous.config.cassetteDir} could not be reopened either: ${messageOf(reopenError)}.`,
          );
        }
        throw new FolderSwitchError(
          `Cannot open ${target}: ${reason}. The studio stays on ${previous.config.cassetteDir}.`,
        );
      }
      return target;
    } finally {
      for (const relay of this.relays) relay.resume();
    }
  }

  private async run(options: HeadlessStudioOptions): Promise<void> {
    const studio = await startHeadlessStudio(options);
    this.studio = studio;
    this.options = options;
    this.pinPorts(studio);
    for (const relay of this.relays) studio.api.servePort(relay);
    this.emit('started', options.config.cassetteDir);
  }

  /** Later studios listen where this one does, so tools keep their address across switches. */
  private pinPorts(studio: HeadlessStudio): void {
    const proxyPort = studio.engine.status().port;
    this.options = {
      ...this.options,
      config: {
        ...this.options.config,
        apiPort: studio.api.port,
        ...(proxyPort === null ? {} : { proxyPort }),
      },
    };
  }
}
