/**
 * The main process's side of the preload contract (src-preload/desktop-api.ts): one handler per
 * channel, arguments validated, and only for the app's own page. Electron-free: the main process
 * passes `ipcMain` and a MessageChannelMain factory, tests an in-process stand-in and Node's
 * MessageChannel.
 */
import { z } from 'zod';
import {
  DESKTOP_CHANNELS,
  type AppInfo,
  type OpenedFile,
  type SaveFileRequest,
} from '../../src-preload/desktop-api';
import type { MessagePortLike } from '../server/ipc-protocol';

/** What the handlers receive of an IPC event. */
export interface IpcEventLike {
  senderFrame: { url: string } | null;
  sender: { postMessage(channel: string, message: unknown, transfer: unknown[]): void };
}

/** What is used of `ipcMain`. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
  on(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (...args: never[]) => void): unknown;
}

/** A fresh channel: the studio serves one end, the page gets the other. */
export interface PortPair {
  server: MessagePortLike;
  client: unknown;
  /** Calls `listener` once the page's end is gone (page reloaded or closed). */
  onClosed(listener: () => void): void;
}

export interface DesktopIpcHandlers {
  appInfo(): AppInfo;
  openCassetteFiles(): Promise<OpenedFile[]>;
  saveFile(request: SaveFileRequest): Promise<string | null>;
  chooseCassetteFolder(): Promise<string | null>;
  /** Serves GraphQL on the port; returns the function that stops serving it. */
  serveGraphql(port: MessagePortLike): () => void;
}

export interface DesktopIpcOptions {
  ipcMain: IpcMainLike;
  handlers: DesktopIpcHandlers;
  createPortPair(): PortPair;
  /** Whether a frame at this URL is the app's own page. */
  isTrustedUrl(url: string): boolean;
}

export class UntrustedSenderError extends Error {
  override readonly name = 'UntrustedSenderError';
}

/** Exports are at most this big (base64 of 256 MiB). */
const MAX_BASE64_LENGTH = Math.ceil((256 * 1024 * 1024) / 3) * 4;

export const saveFileRequestSchema = z.strictObject({
  suggestedName: z
    .string()
    .min(1)
    .max(255)
    .refine((name) => !/[/\\\0]/u.test(name), 'Expected a file name, not a path'),
  base64: z
    .string()
    .max(MAX_BASE64_LENGTH, 'The file is too large to save (256 MiB at most)')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/u, 'Expected base64'),
});

/** Registers every channel; returns the function that removes them. */
export function registerDesktopIpc(options: DesktopIpcOptions): () => void {
  const { ipcMain, handlers } = options;
  const trusted = (event: IpcEventLike): void => {
    const url = event.senderFrame?.url ?? '';
    if (!options.isTrustedUrl(url)) {
      throw new UntrustedSenderError(`IPC from ${url === '' ? 'an unknown frame' : url} refused.`);
    }
  };
  const invokeHandlers: Record<string, (...args: unknown[]) => unknown> = {
    [DESKTOP_CHANNELS.appInfo]: () => handlers.appInfo(),
    [DESKTOP_CHANNELS.openCassetteFiles]: () => handlers.openCassetteFiles(),
    [DESKTOP_CHANNELS.saveFile]: (request) =>
      handlers.saveFile(saveFileRequestSchema.parse(request)),
    [DESKTOP_CHANNELS.chooseCassetteFolder]: () => handlers.chooseCassetteFolder(),
  };
  for (const [channel, handler] of Object.entries(invokeHandlers)) {
    ipcMain.handle(channel, (event, ...args) => {
      trusted(event);
      return handler(...args);
    });
  }
  const onPortRequest = (event: IpcEventLike): void => {
    // A page that is not ours gets nothing (a send has no reply to carry the refusal).
    if (!options.isTrustedUrl(event.senderFrame?.url ?? '')) return;
    const pair = options.createPortPair();
    const stop = handlers.serveGraphql(pair.server);
    pair.onClosed(stop);
    event.sender.postMessage(DESKTOP_CHANNELS.graphqlPort, null, [pair.client]);
  };
  ipcMain.on(DESKTOP_CHANNELS.requestGraphqlPort, onPortRequest);
  return () => {
    for (const channel of Object.keys(invokeHandlers)) ipcMain.removeHandler(channel);
    ipcMain.removeListener(DESKTOP_CHANNELS.requestGraphqlPort, onPortRequest);
  };
}
