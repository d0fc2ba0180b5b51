/**
 * Every cassette format the studio knows, and the entry points to read and write cassettes: the
 * container and the format are both detected from the content, never from the file name.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Cassette } from '../cassette.model';
import { parseContainer, serializeContainer } from './container';
import {
  STORAGE_EXTENSIONS,
  type CassetteFormat,
  type Container,
  type DecodeContext,
  type FormatId,
  type StorageFormat,
} from './format';
import { cassetteFormatError } from './format-error';
import { harFormat } from './har';
import { magnetoV1Format } from './magneto-v1';
import { nativeFormat } from './native';
import { talkbackFormat } from './talkback';
import { vcrFormat } from './vcr';

/** In detection order: the first format whose `matches` accepts a document decodes it. */
const FORMATS: readonly CassetteFormat[] = [
  nativeFormat,
  magnetoV1Format,
  harFormat,
  talkbackFormat,
  vcrFormat,
];

export { STORAGE_EXTENSIONS, type StorageFormat };

const STORAGE_FORMATS = Object.keys(STORAGE_EXTENSIONS) as StorageFormat[];

/** The storage format a file name's extension names (case-insensitive), if any. */
export function storageFormatOfFileName(fileName: string): StorageFormat | undefined {
  const lower = fileName.toLowerCase();
  return STORAGE_FORMATS.find((storage) => lower.endsWith(STORAGE_EXTENSIONS[storage]));
}

export interface DecodedCassette {
  cassette: Cassette;
  format: FormatId;
  container: Container;
  /** The bytes were gzip-compressed. */
  compressed: boolean;
}

export interface EncodeOptions {
  format: FormatId;
  /** Defaults to the format's usual container. */
  container?: Container;
  gzip?: boolean;
}

export function listFormats(): readonly CassetteFormat[] {
  return FORMATS;
}

export function isFormatId(value: string): value is FormatId {
  return FORMATS.some((format) => format.id === value);
}

export function formatById(id: FormatId): CassetteFormat {
  const format = FORMATS.find((candidate) => candidate.id === id);
  if (format === undefined) throw new Error(`unknown cassette format "${String(id)}"`);
  return format;
}

/** Reads cassette bytes in any known container and format. */
export function decodeCassette(bytes: Uint8Array, context: DecodeContext = {}): DecodedCassette {
  const { document, container, compressed } = parseContainer(bytes, context.fileName);
  const format = FORMATS.find((candidate) => candidate.matches(document, container));
  if (format === undefined) {
    const known = FORMATS.map((candidate) => candidate.label).join(', ');
    const problem = `not a cassette in a known format (${known})`;
    throw cassetteFormatError(context.fileName, '', known, problem);
  }
  return { cassette: format.decode(document, context), format: format.id, container, compressed };
}

/** Writes a cassette in a format that can be written, in one of that format's containers. */
export function encodeCassette(cassette: Cassette, options: EncodeOptions): Uint8Array {
  const format = formatById(options.format);
  if (format.encode === undefined) {
    throw new Error(`cannot write format "${format.id}" (${format.label}): it can only be read`);
  }
  const container = options.container ?? format.containers[0];
  if (container === undefined || !format.containers.includes(container)) {
    const allowed = format.containers.join(', ');
    throw new Error(`format "${format.id}" is written as ${allowed}, not ${String(container)}`);
  }
  return serializeContainer(format.encode(cassette, container), container, options.gzip ?? false);
}

/** The bytes of a cassette as the studio stores it: the native format in the given container. */
export function encodeForStorage(cassette: Cassette, storage: StorageFormat): Uint8Array {
  const gzip = storage.endsWith('.gz');
  const container = storage.startsWith('msgpack') ? 'msgpack' : 'json';
  return encodeCassette(cassette, { format: 'native', container, gzip });
}

/** The cassette name a file suggests: its base name without the storage or file extension. */
function nameOfFile(filePath: string): string {
  const base = path.basename(filePath);
  const storage = storageFormatOfFileName(base);
  const extension = storage === undefined ? path.extname(base) : STORAGE_EXTENSIONS[storage];
  return base.slice(0, base.length - extension.length);
}

function contextOfFile(filePath: string): DecodeContext {
  return { fileName: filePath, name: nameOfFile(filePath) };
}

/** Reads and decodes a cassette file; decoding errors name the file. */
export async function readCassetteFile(filePath: string): Promise<DecodedCassette> {
  const bytes = await fs.promises.readFile(filePath);
  return decodeCassette(bytes, contextOfFile(filePath));
}

export function readCassetteFileSync(filePath: string): DecodedCassette {
  return decodeCassette(fs.readFileSync(filePath), contextOfFile(filePath));
}
