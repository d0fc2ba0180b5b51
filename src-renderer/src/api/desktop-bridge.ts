/**
 * What the desktop app's preload exposes to the renderer. Absent in a browser: the UI then talks
 * HTTP and WebSocket to the server that served it.
 */

export interface MagnetoDesktopBridge {
  /** A message port speaking graphql-ws to the main process (see src-main/server/ipc-transport.ts). */
  graphqlPort(): MessagePort | Promise<MessagePort>;
}

declare global {
  interface Window {
    magnetoDesktop?: MagnetoDesktopBridge;
  }
}

export function desktopBridge(win: Window = window): MagnetoDesktopBridge | undefined {
  return win.magnetoDesktop;
}
