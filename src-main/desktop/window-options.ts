/**
 * The main window's options: the renderer gets no Node, runs sandboxed and isolated, with the
 * preload as its only bridge; no webviews, no navigation by dropping a file.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import type { WindowBounds } from './desktop-state';

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 };
export const MIN_WINDOW_SIZE = { width: 720, height: 480 };

export function mainWindowOptions(
  preloadPath: string,
  bounds: Partial<WindowBounds> = {},
): BrowserWindowConstructorOptions {
  return {
    width: bounds.width ?? DEFAULT_WINDOW_SIZE.width,
    height: bounds.height ?? DEFAULT_WINDOW_SIZE.height,
    ...(bounds.x === undefined || bounds.y === undefined ? {} : { x: bounds.x, y: bounds.y }),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Magneto Studio',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  };
}
