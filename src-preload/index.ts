/** The renderer's only window onto the main process: a narrow, typed object. */
import { contextBridge } from 'electron';
import type { MagnetoDesktopApi } from './desktop-api';

const api: MagnetoDesktopApi = {
  appInfo: () => ({ platform: process.platform, versions: { ...process.versions } }),
};

contextBridge.exposeInMainWorld('magnetoDesktop', api);
