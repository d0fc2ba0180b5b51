/**
 * Where a library's files are on disk: the cassette files in the cassette folder; the index, the
 * custom helpers and the user templates in the data folder. The CA is not part of a library (its
 * private key stays on the machine that made it).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { CustomHelperStore, TemplateLibrary } from '../../../proxy/templating';
import { parseCassetteFileName } from '../cassette-file-names';
import { INDEX_FILE_NAME } from '../library';

export interface LibraryLocation {
  cassetteDir: string;
  dataDir: string;
}

export interface LibraryPaths {
  cassetteDir: string;
  dataDir: string;
  index: string;
  /** SQLite's write-ahead log and shared memory beside the index. */
  indexCompanions: string[];
  customHelpers: string;
  templatesDir: string;
}

export function libraryPaths(location: LibraryLocation): LibraryPaths {
  const cassetteDir = path.resolve(location.cassetteDir);
  const dataDir = path.resolve(location.dataDir);
  const index = path.join(dataDir, INDEX_FILE_NAME);
  return {
    cassetteDir,
    dataDir,
    index,
    indexCompanions: [`${index}-wal`, `${index}-shm`],
    customHelpers: new CustomHelperStore(dataDir).file,
    templatesDir: new TemplateLibrary({ dataDir }).userDir,
  };
}

async function fileNames(dir: string, keep: (name: string) => boolean): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  });
  return entries
    .filter((entry) => entry.isFile() && keep(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/** The cassette files of the folder (other files and sub-folders are not the library's). */
export function cassetteFileNames(cassetteDir: string): Promise<string[]> {
  return fileNames(cassetteDir, (name) => parseCassetteFileName(name) !== undefined);
}

/** The user templates: the `.json` files of the templates folder, as the template library reads them. */
export function templateFileNames(templatesDir: string): Promise<string[]> {
  return fileNames(templatesDir, (name) => name.endsWith('.json') && !name.startsWith('.'));
}

export async function exists(file: string): Promise<boolean> {
  return (await fs.lstat(file).catch(() => undefined)) !== undefined;
}
