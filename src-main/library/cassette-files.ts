/** Reading cassette files into index records, and preparing checked bytes to write. */
import { createHash, webcrypto } from 'node:crypto';
import fs from 'node:fs/promises';
import {
  decodeCassette,
  encodeForStorage,
  type DecodedCassette,
  type StorageFormat,
} from '../../proxy/cassette/formats/registry';
import type { Cassette } from '../../proxy/cassette/cassette.model';
import { cassetteFacts, type FileSignature, type IndexRecord } from './index-record';
import { InvalidCassetteError } from './library-errors';

export interface FileStats {
  sizeBytes: number;
  mtimeMs: number;
}

/** A file's bytes and the size and time that go with them (read through one handle). */
export interface FileRead extends FileStats {
  bytes: Uint8Array;
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** `hashBytes`, computed off the main thread (for large files written while recording). */
export async function hashBytesAsync(bytes: Uint8Array): Promise<string> {
  return Buffer.from(await webcrypto.subtle.digest('SHA-256', bytes)).toString('hex');
}

/** A regular file's size and time (cheap: no read); undefined when there is no such file. */
export async function statFile(filePath: string): Promise<FileStats | undefined> {
  try {
    const stats = await fs.stat(filePath);
    return stats.isFile() ? { sizeBytes: stats.size, mtimeMs: stats.mtimeMs } : undefined;
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

/** Reads a file; undefined when it vanished meanwhile. */
export async function readFileWithStats(filePath: string): Promise<FileRead | undefined> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(filePath, 'r');
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
  try {
    const stats = await handle.stat();
    const bytes = await handle.readFile();
    return { bytes, sizeBytes: stats.size, mtimeMs: stats.mtimeMs };
  } finally {
    await handle.close();
  }
}

/** Decodes a file's bytes as the cassette `name` (the file name wins over the name inside). */
export function decodeAs(name: string, fileName: string, bytes: Uint8Array): DecodedCassette {
  const decoded = decodeCassette(bytes, { fileName, name });
  decoded.cassette.name = name;
  return decoded;
}

/** The index record of a file: its facts, or broken with the reason it cannot be read. */
export function recordOf(
  name: string,
  signature: FileSignature,
  bytes: Uint8Array,
): { record: IndexRecord; decoded?: DecodedCassette } {
  try {
    const decoded = decodeAs(name, signature.fileName, bytes);
    const facts = cassetteFacts(decoded.cassette, decoded.format, decoded.container);
    return { record: { ...signature, name, broken: false, facts }, decoded };
  } catch (error) {
    return { record: { ...signature, name, broken: true, error: messageOf(error) } };
  }
}

/** Bytes to store, already read back once: a write can never leave a file the studio cannot read. */
export function encodeChecked(
  cassette: Cassette,
  storage: StorageFormat,
  fileName: string,
): { bytes: Uint8Array; decoded: DecodedCassette } {
  try {
    const bytes = encodeForStorage(cassette, storage);
    return { bytes, decoded: decodeAs(cassette.name, fileName, bytes) };
  } catch (error) {
    throw new InvalidCassetteError(cassette.name, messageOf(error), { cause: error });
  }
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
