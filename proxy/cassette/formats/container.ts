/**
 * The byte layer under every cassette format: detects from the content (never the file name) whether
 * bytes are gzip, MessagePack, JSON, JSON5 or YAML, parses them into a plain document, and writes a
 * document back. YAML is read with the tags VCR cassettes use (`vcr-yaml-tags.ts`).
 */
import zlib from 'node:zlib';
import JSON5 from 'json5';
import { Packr } from 'msgpackr';
import YAML from 'yaml';
import type { Container } from './format';
import { cassetteFormatError } from './format-error';
import { vcrYamlTags } from './vcr-yaml-tags';

/** MessagePack with named maps (string keys), as `rmp_serde::to_vec_named` writes. */
const packr = new Packr({ useRecords: false });
/** A MessagePack nil, decoded after a document so that msgpackr lets go of the document's bytes. */
const NIL = new Uint8Array([0xc0]);
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export interface ParsedContainer {
  document: unknown;
  container: Container;
  /** The bytes were gzip-compressed around the container. */
  compressed: boolean;
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** A MessagePack document that is a map: fixmap (0x80–0x8f), map16 (0xde) or map32 (0xdf). */
function isMessagePackMap(bytes: Uint8Array): boolean {
  const first = bytes[0];
  return (
    first !== undefined && ((first >= 0x80 && first <= 0x8f) || first === 0xde || first === 0xdf)
  );
}

/** Decodes one MessagePack value (throws on bytes that are not exactly one value). */
function unpackMessagePack(bytes: Uint8Array): unknown {
  return packr.unpack(bytes);
}

/**
 * msgpackr keeps a view of the last bytes it decoded (and so their whole buffer) until the next
 * decode: called once a document is decoded, so that a large file's bytes can be freed.
 */
function releaseMessagePackSource(): void {
  packr.unpack(NIL);
}

/** Encodes one value as MessagePack with named maps. */
export function packMessagePack(value: unknown): Uint8Array {
  return packr.pack(value);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** 1-based line and column of a character offset. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line} column ${offset - before.lastIndexOf('\n')}`;
}

/** V8's JSON.parse message without the echoed input, with the position as line and column. */
function describeJsonError(text: string, jsonError: unknown, json5Error: unknown): string {
  const raw = messageOf(jsonError);
  const position = /(?: in JSON)? at position (\d+)/.exec(raw);
  const reason = raw
    .replace(/(?: in JSON)? at position \d+.*$/s, '')
    .replace(/, (?:\.\.\.)?".*is not valid JSON$/s, '');
  if (position?.[1] !== undefined) return `${reason} at ${lineColumn(text, Number(position[1]))}`;
  const { lineNumber, columnNumber } = json5Error as { lineNumber?: number; columnNumber?: number };
  if (lineNumber === undefined || columnNumber === undefined) return reason;
  return `${reason} at line ${lineNumber} column ${columnNumber}`;
}

/** The first character after whitespace and JavaScript comments (JSON5 allows them). */
const FIRST_SIGNIFICANT_CHAR = /^(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*(\S)/;

function parseText(text: string, fileName: string | undefined): ParsedContainer {
  const first = FIRST_SIGNIFICANT_CHAR.exec(text)?.[1];
  if (first === undefined) {
    throw cassetteFormatError(fileName, '', 'a cassette', 'the file is empty');
  }
  if (first === '{' || first === '[') {
    try {
      return { document: JSON.parse(text), container: 'json', compressed: false };
    } catch (jsonError) {
      try {
        return { document: JSON5.parse(text), container: 'json5', compressed: false };
      } catch (json5Error) {
        const reason = describeJsonError(text, jsonError, json5Error);
        throw cassetteFormatError(fileName, '', 'JSON', `not JSON: ${reason}`);
      }
    }
  }
  try {
    const document: unknown = YAML.parse(text, { customTags: vcrYamlTags });
    return { document, container: 'yaml', compressed: false };
  } catch (error) {
    // The yaml package appends a code frame after the first line; the first line says it all.
    const reason = messageOf(error).split('\n')[0]?.replace(/:$/, '');
    throw cassetteFormatError(fileName, '', 'YAML', `not YAML: ${reason}`);
  }
}

function parseUncompressed(bytes: Uint8Array, fileName: string | undefined): ParsedContainer {
  if (isMessagePackMap(bytes)) {
    try {
      return { document: unpackMessagePack(bytes), container: 'msgpack', compressed: false };
    } catch (error) {
      const problem = `not MessagePack: ${messageOf(error)}`;
      throw cassetteFormatError(fileName, '', 'MessagePack', problem);
    } finally {
      releaseMessagePackSource();
    }
  }
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    const problem = 'not a cassette: binary data that is neither gzip nor MessagePack';
    throw cassetteFormatError(fileName, '', 'JSON, YAML, MessagePack or gzip', problem);
  }
  return parseText(text.replace(/^\uFEFF/, ''), fileName);
}

/** Parses cassette bytes, whatever their container; errors name `fileName`. */
export function parseContainer(bytes: Uint8Array, fileName?: string): ParsedContainer {
  if (bytes.length === 0) {
    throw cassetteFormatError(fileName, '', 'a cassette', 'the file is empty');
  }
  if (!isGzip(bytes)) return parseUncompressed(bytes, fileName);
  let inner: Uint8Array;
  try {
    inner = zlib.gunzipSync(bytes);
  } catch (error) {
    throw cassetteFormatError(fileName, '', 'gzip', `not valid gzip: ${messageOf(error)}`);
  }
  if (inner.length === 0) {
    throw cassetteFormatError(fileName, '', 'a cassette', 'the gzip content is empty');
  }
  return { ...parseUncompressed(inner, fileName), compressed: true };
}

function serializeUncompressed(document: unknown, container: Container): Uint8Array {
  switch (container) {
    case 'json':
      return Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8');
    case 'json5':
      return Buffer.from(`${JSON5.stringify(document, null, 2)}\n`, 'utf8');
    case 'yaml':
      return Buffer.from(YAML.stringify(document), 'utf8');
    case 'msgpack':
      return packMessagePack(document);
  }
}

/** Writes a document: JSON and JSON5 pretty with 2 spaces and a final newline, optionally gzipped. */
export function serializeContainer(
  document: unknown,
  container: Container,
  gzip = false,
): Uint8Array {
  const bytes = serializeUncompressed(document, container);
  return gzip ? zlib.gzipSync(bytes) : bytes;
}
