/** The renderer's only window onto the main process: one narrow, typed object. */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createDesktopApi } from './create-desktop-api';
import { DESKTOP_API_KEY } from './desktop-api';

const api = createDesktopApi({
  ipc: ipcRenderer,
  getPathForFile: (file) => webUtils.getPathForFile(file),
  // The page and the preload share the window; '*' is safe: the message goes to this window only.
  postToPage: (message, port) => window.postMessage(message, '*', [port]),
});

contextBridge.exposeInMainWorld(DESKTOP_API_KEY, api);
