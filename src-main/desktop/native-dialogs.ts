/** The native open, save and folder dialogs, attached to the main window when there is one. */
import path from 'node:path';
import {
  app,
  dialog,
  type BrowserWindow,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';
import type { NativeDialogs } from './desktop-actions';

const IMPORTABLE = ['json', 'json5', 'yaml', 'yml', 'har', 'msgpack', 'gz'];

export function nativeDialogs(window: () => BrowserWindow | undefined): NativeDialogs {
  const showOpen = (options: OpenDialogOptions) => {
    const owner = window();
    return owner === undefined
      ? dialog.showOpenDialog(options)
      : dialog.showOpenDialog(owner, options);
  };
  const showSave = (options: SaveDialogOptions) => {
    const owner = window();
    return owner === undefined
      ? dialog.showSaveDialog(options)
      : dialog.showSaveDialog(owner, options);
  };
  return {
    async chooseFilesToImport() {
      const result = await showOpen({
        title: 'Import cassettes',
        properties: ['openFile', 'multiSelections'],
        filters: [
          { name: 'Cassettes, HAR, VCR and Talkback files', extensions: IMPORTABLE },
          { name: 'All files', extensions: ['*'] },
        ],
      });
      return result.canceled ? [] : result.filePaths;
    },
    async chooseSavePath(suggestedName) {
      const result = await showSave({
        defaultPath: path.join(app.getPath('downloads'), suggestedName),
      });
      return result.canceled || !result.filePath ? undefined : result.filePath;
    },
    async chooseFolder(current) {
      const result = await showOpen({
        title: 'Open cassette folder',
        defaultPath: current,
        properties: ['openDirectory', 'createDirectory'],
      });
      return result.canceled ? undefined : result.filePaths[0];
    },
  };
}
