/**
 * Static files held in memory with their gzip and brotli forms, each computed once, on first
 * demand and off the event loop, for as long as the file does not change on disk (its size, time
 * or inode). The ETag of each form derives from the file's content. Small files get the best
 * compression; larger ones a quick one that is within a few percent of it (brotli 7 against 11:
 * ~8 % larger, 30 times faster), so that a first visit never waits long for its bundle.
 */
import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import fs from 'node:fs/promises';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { ContentCoding } from './accept-encoding';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Files of more bytes are not kept, only served. Kept files total at most `MAX_KEPT_BYTES`. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;
const MAX_KEPT_BYTES = 32 * 1024 * 1024;
/** Smaller files gain nothing from compression. */
const MIN_COMPRESSED_BYTES = 256;
/** Best compression up to this size (brotli 11 costs ~4 µs a byte), quick compression above. */
const BEST_COMPRESSION_UP_TO = 32 * 1024;

export interface Representation {
  coding: ContentCoding;
  bytes: Buffer;
  etag: string;
}

export interface StaticFile {
  /** Whether the file has compressed forms (then answers vary with Accept-Encoding). */
  compressible: boolean;
  identity: Representation;
  /** The compressed form, or undefined when it would not be smaller. */
  encoded(coding: 'br' | 'gzip'): Promise<Representation | undefined>;
}

function compress(coding: 'br' | 'gzip', bytes: Buffer): Promise<Buffer> {
  const best = bytes.length <= BEST_COMPRESSION_UP_TO;
  if (coding === 'gzip') return gzip(bytes, { level: best ? 9 : 6 });
  return brotli(bytes, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: best ? 11 : 7,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

function staticFile(bytes: Buffer, compressible: boolean): StaticFile {
  const hash = createHash('sha256').update(bytes).digest('base64url').slice(0, 27);
  const forms = new Map<'br' | 'gzip', Promise<Representation | undefined>>();
  return {
    compressible: compressible && bytes.length >= MIN_COMPRESSED_BYTES,
    identity: { coding: 'identity', bytes, etag: `"${hash}"` },
    encoded(coding) {
      let form = forms.get(coding);
      if (form === undefined) {
        form = compress(coding, bytes).then((encoded) =>
          encoded.length < bytes.length
            ? { coding, bytes: encoded, etag: `"${hash}-${coding}"` }
            : undefined,
        );
        forms.set(coding, form);
      }
      return form;
    },
  };
}

interface Kept {
  version: string;
  file: Promise<StaticFile>;
  size: number;
}

export class StaticFileCache {
  /** In least recently used order. */
  private readonly kept = new Map<string, Kept>();
  private keptBytes = 0;

  /** The file at `filePath`, whose `stat` was just read; `compressible` by its content type. */
  get(filePath: string, stat: Stats, compressible: boolean): Promise<StaticFile> {
    const version = `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
    const kept = this.kept.get(filePath);
    if (kept !== undefined) {
      this.forget(filePath, kept);
      if (kept.version === version) {
        this.keep(filePath, kept);
        return kept.file;
      }
    }
    const file = fs.readFile(filePath).then((bytes) => staticFile(bytes, compressible));
    if (stat.size <= MAX_FILE_BYTES) {
      this.keep(filePath, { version, file, size: stat.size });
      // A file that could not be read is read again next time.
      file.catch(() => {
        const current = this.kept.get(filePath);
        if (current?.file === file) this.forget(filePath, current);
      });
    }
    return file;
  }

  private keep(filePath: string, kept: Kept): void {
    this.kept.set(filePath, kept);
    this.keptBytes += kept.size;
    for (const [oldest, entry] of this.kept) {
      if (this.keptBytes <= MAX_KEPT_BYTES) break;
      this.forget(oldest, entry);
    }
  }

  private forget(filePath: string, kept: Kept): void {
    this.kept.delete(filePath);
    this.keptBytes -= kept.size;
  }
}
