/**
 * The object the preload exposes, built from the few Electron pieces it needs, so it runs in Node
 * tests too. Each method sends on its own channel: the page never names a channel.
 */
import {
  DESKTOP_CHANNELS,
  GRAPHQL_PORT_WINDOW_MESSAGE,
  type AppInfo,
  type MagnetoDesktopApi,
  type OpenedFile,
  type SaveFileRequest,
} from './desktop-api';

/** What the preload uses of `ipcRenderer`. */
export interface PreloadIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: (event: { ports: readonly MessagePort[] }) => void): unknown;
}

export interface PreloadDeps {
  ipc: PreloadIpc;
  getPathForFile(file: File): string;
  /** Posts the port to the page (`window.postMessage(message, '*', [port])`). */
  postToPage(message: string, port: MessagePort): void;
}

export function createDesktopApi({
  ipc,
  getPathForFile,
  postToPage,
}: PreloadDeps): MagnetoDesktopApi {
  ipc.on(DESKTOP_CHANNELS.graphqlPort, (event) => {
    const [port] = event.ports;
    if (port !== undefined) postToPage(GRAPHQL_PORT_WINDOW_MESSAGE, port);
  });
  return {
    appInfo: () => ipc.invoke(DESKTOP_CHANNELS.appInfo) as Promise<AppInfo>,
    requestGraphqlPort: () => ipc.send(DESKTOP_CHANNELS.requestGraphqlPort),
    dialogs: {
      openCassetteFiles: () =>
        ipc.invoke(DESKTOP_CHANNELS.openCassetteFiles) as Promise<OpenedFile[]>,
      saveFile: (request: SaveFileRequest) =>
        ipc.invoke(DESKTOP_CHANNELS.saveFile, {
          suggestedName: request.suggestedName,
          base64: request.base64,
        }) as Promise<string | null>,
      chooseCassetteFolder: () =>
        ipc.invoke(DESKTOP_CHANNELS.chooseCassetteFolder) as Promise<string | null>,
    },
    pathForFile: (file: File) => getPathForFile(file),
  };
}
