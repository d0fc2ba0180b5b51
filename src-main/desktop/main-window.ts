/**
 * The main window and the rules every web page of the app lives by: no navigation, no new
 * windows, no webviews, no permissions but the clipboard, and the window's bounds reported when
 * it closes so they can be remembered.
 */
import { BrowserWindow, screen, type Session, type WebContents } from 'electron';
import { boundsOnScreen, type WindowBounds } from './desktop-state';
import { mainWindowOptions } from './window-options';
import { permissionAllowed } from './web-security';

/** Refuses navigation, pop-ups and webviews in `contents` (every web contents the app creates). */
export function lockDownWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Grants the page only what `permissionAllowed` says. */
export function lockDownPermissions(session: Session, appOrigin: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(permissionAllowed(permission, details.requestingUrl, appOrigin)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    permissionAllowed(permission, requestingOrigin, appOrigin),
  );
}

export interface MainWindowOptions {
  preloadPath: string;
  url: string;
  saved: WindowBounds | undefined;
  onClosing(bounds: WindowBounds): void;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const bounds = options.saved === undefined ? undefined : boundsOnScreen(options.saved, workAreas);
  const window = new BrowserWindow(mainWindowOptions(options.preloadPath, bounds));
  if (bounds?.maximized === true) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    const normal = window.getNormalBounds();
    options.onClosing({ ...normal, maximized: window.isMaximized() });
  });
  void window.loadURL(options.url);
  return window;
}
