/** From cassette names to file names in the folder, and back. */
import {
  STORAGE_EXTENSIONS,
  storageFormatOfFileName,
  type StorageFormat,
} from '../../proxy/cassette/formats/registry';
import { nameFoldKey } from './naming';

export const DEFAULT_STORAGE: StorageFormat = 'json';

export interface CassetteFileName {
  /** The name the file gives its cassette: the file name without its storage extension. */
  name: string;
  storage: StorageFormat;
  /** The extension as written in the file name (its case kept). */
  extension: string;
}

export function cassetteFileName(name: string, storage: StorageFormat): string {
  return `${name}${STORAGE_EXTENSIONS[storage]}`;
}

/** What a file in the folder holds, or undefined when it is not a cassette file (hidden, other). */
export function parseCassetteFileName(fileName: string): CassetteFileName | undefined {
  if (fileName.startsWith('.')) return undefined;
  const storage = storageFormatOfFileName(fileName);
  if (storage === undefined) return undefined;
  const cut = fileName.length - STORAGE_EXTENSIONS[storage].length;
  if (cut === 0) return undefined;
  return { name: fileName.slice(0, cut), storage, extension: fileName.slice(cut) };
}

/** The per-name lock key of a file: names that differ only in case share one. */
export function fileLockKey(fileName: string): string {
  return nameFoldKey(parseCassetteFileName(fileName)?.name ?? fileName);
}
