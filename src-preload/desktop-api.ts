/**
 * The contract between the desktop app's renderer, its preload and its main process: what the
 * preload exposes on `window.magnetoDesktop` (absent when the UI runs in a browser) and the IPC
 * channels behind it. Types and constants only: the renderer, the preload and the main process all
 * import it.
 */

/** The key of the object on `window`. */
export const DESKTOP_API_KEY = 'magnetoDesktop';

/** IPC channels between the preload and the main process, one per operation. */
export const DESKTOP_CHANNELS = {
  /** preload → main (send): asks for a message port speaking graphql-ws. */
  requestGraphqlPort: 'magneto:graphql-port:request',
  /** main → preload (postMessage with the port): the port asked for. */
  graphqlPort: 'magneto:graphql-port',
  appInfo: 'magneto:app-info',
  openCassetteFiles: 'magneto:dialog:open-cassette-files',
  saveFile: 'magneto:dialog:save-file',
  chooseCassetteFolder: 'magneto:dialog:choose-cassette-folder',
} as const;

/**
 * How the preload hands the port to the page: a MessagePort cannot cross the context bridge, so it
 * is posted to the page's own window with this message (see src-renderer/src/api/desktop-bridge.ts).
 */
export const GRAPHQL_PORT_WINDOW_MESSAGE = 'magneto:graphql-port';

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  /** Electron, Chromium and Node versions. */
  versions: { electron: string; chrome: string; node: string };
  /** The cassette folder the studio has open. */
  cassetteDir: string;
  /** The local GraphQL API for other tools (it requires the launch's token). */
  apiUrl: string;
}

/** A file the user chose in the native open dialog, read by the main process. */
export interface OpenedFile {
  fileName: string;
  path: string;
  /** The file's bytes, base64 (cassettes may be MessagePack or gzip). */
  base64: string;
}

export interface SaveFileRequest {
  /** The name proposed in the dialog, such as the `fileName` of an export. */
  suggestedName: string;
  /** The bytes to write, base64 (an export's `base64`). */
  base64: string;
}

export interface MagnetoDesktopApi {
  appInfo(): Promise<AppInfo>;
  /**
   * Asks the main process for a graphql-ws port. It arrives as a window message
   * (`GRAPHQL_PORT_WINDOW_MESSAGE`, the port in `event.ports[0]`).
   */
  requestGraphqlPort(): void;
  dialogs: {
    /** The native open dialog for cassettes, HAR, VCR and Talkback files; [] when cancelled. */
    openCassetteFiles(): Promise<OpenedFile[]>;
    /** The native save dialog; resolves with the path written, or null when cancelled. */
    saveFile(request: SaveFileRequest): Promise<string | null>;
    /** The native folder dialog; switches the studio to the folder chosen, or null when cancelled. */
    chooseCassetteFolder(): Promise<string | null>;
  };
  /** The path of a file dropped from the operating system (webUtils.getPathForFile). */
  pathForFile(file: File): string;
}
