/**
 * One interface for every cassette format the studio reads or writes. Bytes are first parsed by
 * their container (JSON, JSON5, YAML, MessagePack, optionally gzip-wrapped; see `container.ts`),
 * then the first format whose `matches` accepts the parsed document decodes it.
 */
import type { Cassette } from '../cassette.model';

/** Formats by id. `native` is the studio's own (version "2.0"); `magneto-v1` is Magneto-Serge 1.0. */
export type FormatId = 'native' | 'magneto-v1' | 'har' | 'vcr' | 'talkback';

/** How a parsed document is laid out in bytes. */
export type Container = 'json' | 'json5' | 'yaml' | 'msgpack';

export interface DecodeContext {
  /** File the bytes came from, for error messages and default names. */
  fileName?: string;
  /** Cassette name to use when the document carries none. */
  name?: string;
}

export interface CassetteFormat {
  id: FormatId;
  /** Human-readable name for lists and messages. */
  label: string;
  /** Containers this format can be stored in, the first being its usual one. */
  containers: readonly Container[];
  /** Whether a parsed document is in this format (a cheap look at its shape, no validation). */
  matches(document: unknown, container: Container): boolean;
  /** Validates and converts a document; throws `CassetteFormatError` on invalid input. */
  decode(document: unknown, context: DecodeContext): Cassette;
  /** Converts a cassette to a document of this format, when the format can be written. */
  encode?(cassette: Cassette, container: Container): unknown;
}

/** How the studio stores its own cassettes: the native format in one of these containers. */
export type StorageFormat = 'json' | 'msgpack' | 'json.gz' | 'msgpack.gz';

export const STORAGE_EXTENSIONS: Record<StorageFormat, string> = {
  json: '.json',
  msgpack: '.msgpack',
  'json.gz': '.json.gz',
  'msgpack.gz': '.msgpack.gz',
};
