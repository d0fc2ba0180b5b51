/** Electron entry: one window showing the renderer. Everything else lives behind it in src-main/. */
import path from 'node:path';
import { app, BrowserWindow } from 'electron';
import { mainWindowOptions } from './window-options';

function createWindow(): void {
  const window = new BrowserWindow(mainWindowOptions(path.join(__dirname, '../preload/index.cjs')));
  window.once('ready-to-show', () => window.show());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  const devServer = process.env.ELECTRON_RENDERER_URL;
  if (devServer) void window.loadURL(devServer);
  else void window.loadFile(path.join(__dirname, '../renderer/index.html'));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app.whenReady().then(createWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
