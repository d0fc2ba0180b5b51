/**
 * What the desktop app's preload exposes to the renderer (src-preload/desktop-api.ts). Absent in a
 * browser: the UI then talks HTTP and WebSocket to the server that served it.
 */
import {
  DESKTOP_API_KEY,
  GRAPHQL_PORT_WINDOW_MESSAGE,
  type MagnetoDesktopApi,
} from '../../../src-preload/desktop-api';

export type { MagnetoDesktopApi } from '../../../src-preload/desktop-api';

export interface MagnetoDesktopBridge {
  /** A message port speaking graphql-ws to the main process (see src-main/server/ipc-transport.ts). */
  graphqlPort(): Promise<MessagePort>;
  /** The preload's object: dialogs, dropped files' paths, app info. */
  desktop: MagnetoDesktopApi;
}

declare global {
  interface Window {
    [DESKTOP_API_KEY]?: MagnetoDesktopApi;
  }
}

/**
 * Asks the preload for a port and resolves with it. A MessagePort cannot cross the context bridge:
 * the preload posts it to this window, where only a message from the window itself is accepted.
 */
export function receiveGraphqlPort(win: Window, api: MagnetoDesktopApi): Promise<MessagePort> {
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent): void => {
      const [port] = event.ports;
      if (event.source !== win || event.data !== GRAPHQL_PORT_WINDOW_MESSAGE || port === undefined)
        return;
      win.removeEventListener('message', onMessage);
      resolve(port);
    };
    win.addEventListener('message', onMessage);
    api.requestGraphqlPort();
  });
}

export function desktopBridge(win: Window = window): MagnetoDesktopBridge | undefined {
  const desktop = win[DESKTOP_API_KEY];
  if (desktop === undefined) return undefined;
  return { graphqlPort: () => receiveGraphqlPort(win, desktop), desktop };
}
