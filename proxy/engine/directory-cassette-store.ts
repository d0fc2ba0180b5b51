/**
 * A `CassetteStore` keeping each cassette as one file in a folder (`<dir>/<name>.json` by default),
 * for `magneto record/replay` without the studio's library. Reads every format the registry knows;
 * writes the native format, atomically.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { cassetteNameProblem } from '../cassette/cassette-name';
import type { Cassette } from '../cassette/cassette.model';
import { readCassetteFileStreamed } from '../cassette/formats/cassette-file-stream';
import { IncrementalEncoder } from '../cassette/formats/incremental-encoder';
import {
  encodeForStorage,
  STORAGE_EXTENSIONS,
  storageFormatOfFileName,
  type StorageFormat,
} from '../cassette/formats/registry';
import { writeFileAtomic } from '../support/durable-files';
import type { CassetteStore } from './cassette-store';

const FILE_MODE = 0o644;
/** Throws when `name` cannot be a cassette file name inside the folder (the library's rules). */
export function assertCassetteFileName(name: string): void {
  const invalid = cassetteNameProblem(name);
  if (invalid !== undefined) throw new Error(`Invalid cassette name "${name}": ${invalid.detail}.`);
}

export class DirectoryCassetteStore implements CassetteStore {
  readonly dir: string;
  private readonly storage: StorageFormat;
  /** The file each loaded cassette came from, so a save replaces that file. */
  private readonly files = new Map<string, string>();
  /** Recordings' interactions as encoded at their first save. */
  private readonly encoder = new IncrementalEncoder();

  constructor(dir: string, options: { storage?: StorageFormat } = {}) {
    this.dir = path.resolve(dir);
    this.storage = options.storage ?? 'json';
  }

  /** Where a cassette is (or would be) stored. */
  fileOf(name: string): string {
    assertCassetteFileName(name);
    return this.files.get(name) ?? path.join(this.dir, name + STORAGE_EXTENSIONS[this.storage]);
  }

  async load(name: string): Promise<Cassette | undefined> {
    for (const file of this.candidates(name)) {
      let cassette: Cassette;
      try {
        ({ cassette } = await readCassetteFileStreamed(file, { fileName: file, name }));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw error;
      }
      this.files.set(name, file);
      return cassette;
    }
    return undefined;
  }

  async save(cassette: Cassette): Promise<void> {
    const file = this.fileOf(cassette.name);
    await this.write(cassette.name, file, encodeForStorage(cassette, this.storageOf(file)));
  }

  /** `save`, encoding only the interactions not saved before (see `CassetteStore`). */
  async saveRecording(cassette: Cassette): Promise<void> {
    const file = this.fileOf(cassette.name);
    const bytes = await this.encoder.encode(cassette, this.storageOf(file));
    await this.write(cassette.name, file, bytes);
  }

  private storageOf(file: string): StorageFormat {
    return storageFormatOfFileName(file) ?? this.storage;
  }

  private async write(name: string, file: string, bytes: Uint8Array): Promise<void> {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, bytes, FILE_MODE);
    this.files.set(name, file);
  }

  /** The configured storage's file first, then the other extensions. */
  private candidates(name: string): string[] {
    assertCassetteFileName(name);
    const preferred = STORAGE_EXTENSIONS[this.storage];
    const others = Object.values(STORAGE_EXTENSIONS).filter((ext) => ext !== preferred);
    return [preferred, ...others].map((ext) => path.join(this.dir, name + ext));
  }
}
