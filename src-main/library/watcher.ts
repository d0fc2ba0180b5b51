/**
 * Follows the cassette folder (not its sub-folders) with chokidar and reports which cassette files
 * were added, changed or removed, once each after writes settle. Whether a report is a real change
 * is for the caller to decide (see `file-sync.ts`): the library's own writes are reported too.
 */
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { parseCassetteFileName } from './cassette-file-names';
import { asError } from '../../proxy/support/as-error';

/** A file must keep its size this long before it is reported (an editor may still be writing). */
const STABILITY_MS = 100;
/** Reports of one file closer together than this are merged. */
const DEBOUNCE_MS = 50;

export interface FolderWatcher {
  close(): Promise<void>;
}

export async function watchFolder(
  dir: string,
  onFile: (fileName: string) => void,
  onError: (error: Error) => void,
): Promise<FolderWatcher> {
  const root = path.resolve(dir);
  const timers = new Map<string, NodeJS.Timeout>();
  const watcher: FSWatcher = watch(root, {
    ignoreInitial: true,
    depth: 0,
    awaitWriteFinish: { stabilityThreshold: STABILITY_MS, pollInterval: 25 },
    ignored: (candidate) =>
      path.resolve(candidate) !== root && path.basename(candidate).startsWith('.'),
  });
  const report = (filePath: string): void => {
    if (path.dirname(path.resolve(filePath)) !== root) return;
    const fileName = path.basename(filePath);
    if (parseCassetteFileName(fileName) === undefined) return;
    clearTimeout(timers.get(fileName));
    timers.set(
      fileName,
      setTimeout(() => {
        timers.delete(fileName);
        onFile(fileName);
      }, DEBOUNCE_MS),
    );
  };
  watcher.on('add', report).on('change', report).on('unlink', report);
  watcher.on('error', (error) => onError(asError(error)));
  await new Promise<void>((resolve) => watcher.once('ready', resolve));
  return {
    async close() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      await watcher.close();
    },
  };
}
