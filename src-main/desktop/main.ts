/**
 * Electron entry: the studio (library, proxy, GraphQL API on localhost with a per-launch token)
 * in this process, one window showing the renderer from `app://studio`, which reaches the studio
 * over a message port. The logic lives in Electron-free modules beside this one.
 */
import path from 'node:path';
import { app, dialog, ipcMain, MessageChannelMain, session, type BrowserWindow } from 'electron';
import { resolveStudioConfig } from '../config/studio-config';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { DesktopActions } from './desktop-actions';
import { registerDesktopIpc, type IpcMainLike } from './desktop-ipc';
import { DesktopStateStore, rememberFolder, type DesktopState } from './desktop-state';
import { desktopStudioConfig, launchToken, startDesktopStudio } from './desktop-studio';
import { createMainWindow, lockDownPermissions, lockDownWebContents } from './main-window';
import { MenuController } from './menu-controller';
import { nativeDialogs } from './native-dialogs';
import { APP_ORIGIN, appEntryUrl, isAppUrl } from './web-security';

const here = import.meta.dirname;
const devServer = process.env.ELECTRON_RENDERER_URL;
const appOrigin = devServer === undefined ? APP_ORIGIN : new URL(devServer).origin;

function documentationPath(): string {
  const root = app.isPackaged ? process.resourcesPath : app.getAppPath();
  return path.join(root, 'docs', 'USER-GUIDE.md');
}

async function launch(): Promise<void> {
  const token = launchToken();
  const documentsDir = app.getPath('documents');
  const store = new DesktopStateStore(resolveStudioConfig({}, process.env, documentsDir).dataDir);
  const loaded = await store.load();
  let state: DesktopState = loaded.state;
  const config = desktopStudioConfig({ env: process.env, state, documentsDir });
  const { studio, warning } = await startDesktopStudio(config, token);
  if (loaded.problem !== undefined) console.warn(`desktop state ignored: ${loaded.problem}`);

  let window: BrowserWindow | undefined;
  const save = (next: DesktopState) => {
    state = next;
    return store.save(state);
  };
  const actions = new DesktopActions({
    studio,
    token,
    dialogs: nativeDialogs(() => window),
    about: {
      name: app.getName(),
      version: app.getVersion(),
      platform: process.platform,
      versions: {
        electron: process.versions.electron,
        chrome: process.versions.chrome,
        node: process.versions.node,
      },
    },
    onFolderOpened: (dir) => save(rememberFolder(state, dir)),
  });
  await save(rememberFolder(state, studio.cassetteDir));
  const menu = new MenuController({
    appName: app.getName(),
    studio,
    actions,
    recentFolders: () => state.recentFolders,
    documentationPath: documentationPath(),
  });

  lockDownPermissions(session.defaultSession, appOrigin);
  if (devServer === undefined)
    serveRenderer(session.defaultSession, path.join(here, '../renderer'));
  registerDesktopIpc({
    ipcMain: ipcMain as unknown as IpcMainLike,
    isTrustedUrl: (url) => isAppUrl(url, appOrigin),
    createPortPair: () => {
      const { port1, port2 } = new MessageChannelMain();
      return {
        server: port1,
        client: port2,
        onClosed: (listener) => port1.once('close', listener),
      };
    },
    handlers: {
      appInfo: () => actions.appInfo(),
      openCassetteFiles: () => actions.openCassetteFiles(),
      saveFile: (request) => actions.saveFile(request),
      chooseCassetteFolder: async () => {
        const dir = await actions.chooseCassetteFolder();
        menu.refresh();
        return dir;
      },
      serveGraphql: (port) => studio.servePort(port),
    },
  });

  window = createMainWindow({
    preloadPath: path.join(here, '../preload/index.cjs'),
    url: appEntryUrl(appOrigin, token),
    saved: state.window,
    onClosing: (bounds) => void save({ ...state, window: bounds }),
  });
  window.on('closed', () => (window = undefined));
  if (warning !== undefined)
    void dialog.showMessageBox(window, {
      type: 'warning',
      message: 'A port is in use',
      detail: warning,
    });

  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    event.preventDefault();
    quitting = true;
    // Recordings are saved and the index closed before the process ends.
    void studio.close().finally(() => app.quit());
  });
  app.on('second-instance', () => {
    if (window === undefined) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  void app
    .whenReady()
    .then(launch)
    .catch((error: unknown) => {
      dialog.showErrorBox(
        'Magneto Studio cannot start',
        error instanceof Error ? error.message : String(error),
      );
      app.exit(1);
    });
}
