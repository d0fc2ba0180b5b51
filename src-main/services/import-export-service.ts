/**
 * Cassettes in and out of the library as file contents: import from any format the registry reads
 * (native, Magneto-Serge, HAR, VCR, Talkback), export to the writable ones (several: one zip).
 */
import {
  exportCassette,
  zipExports,
  type ExportFormat,
} from '../../proxy/cassette/formats/export-formats';
import type { FormatId, StorageFormat } from '../../proxy/cassette/formats/format';
import { decodeCassette } from '../../proxy/cassette/formats/registry';
import type { CassetteLibrary } from '../library/library';
import type { CassetteSummary } from '../library/library.model';
import type { CassetteService } from './cassette-service';
import { badInput } from './service-error';

export interface ImportDraft {
  /** The file's content: text, or base64 of the bytes (MessagePack, gzip). */
  content: string;
  encoding?: 'text' | 'base64';
  /** Cassette name; default the one the content carries, else one derived from `fileName`. */
  name?: string;
  /** The original file name, for messages and a default name. */
  fileName?: string;
  /** Replace the content of a cassette that has the name (keeping its file and creation time). */
  overwrite?: boolean;
  /** How a new cassette is stored; default `json`. */
  storage?: StorageFormat;
}

export interface ImportResult {
  summary: CassetteSummary;
  /** The format the content was in. */
  sourceFormat: FormatId;
  /** A cassette with the name existed and was replaced. */
  replaced: boolean;
}

export interface ExportDraft {
  names: readonly string[];
  format: ExportFormat;
  gzip?: boolean;
}

export interface ExportResult {
  fileName: string;
  contentType: string;
  base64: string;
  byteLength: number;
  cassettes: number;
}

const BASE64 = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;

function bytesOf(draft: ImportDraft): Uint8Array {
  if (draft.encoding !== 'base64') return new TextEncoder().encode(draft.content);
  if (!BASE64.test(draft.content)) throw badInput('The content is marked as base64 but is not.');
  return Buffer.from(draft.content, 'base64');
}

function contentTypeOf(fileName: string): string {
  if (fileName.endsWith('.zip')) return 'application/zip';
  if (fileName.endsWith('.gz')) return 'application/gzip';
  if (fileName.endsWith('.msgpack')) return 'application/vnd.msgpack';
  return 'application/json';
}

export class ImportExportService {
  constructor(
    private readonly library: CassetteLibrary,
    private readonly cassettes: CassetteService,
  ) {}

  async importCassette(draft: ImportDraft): Promise<ImportResult> {
    const decoded = decodeCassette(bytesOf(draft), {
      ...(draft.fileName === undefined ? {} : { fileName: draft.fileName }),
      ...(draft.name === undefined ? {} : { name: draft.name }),
    });
    const name = draft.name ?? decoded.cassette.name;
    const cassette = { ...decoded.cassette, name };
    const exists = this.cassettes.find(name) !== undefined;
    if (exists && draft.overwrite === true) {
      await this.library.save(cassette);
    } else {
      await this.library.create(name, { ...cassette, storage: draft.storage ?? 'json' });
    }
    return {
      summary: this.library.summary(name),
      sourceFormat: decoded.format,
      replaced: exists && draft.overwrite === true,
    };
  }

  async exportCassettes(draft: ExportDraft): Promise<ExportResult> {
    const names = [...new Set(draft.names)];
    if (names.length === 0) throw badInput('Name at least one cassette to export.');
    const files = [];
    for (const name of names) {
      const { cassette } = await this.library.get(name);
      files.push(exportCassette(cassette, draft.format, { gzip: draft.gzip ?? false }));
    }
    const [single] = files;
    const file =
      files.length === 1 && single !== undefined
        ? single
        : { fileName: 'cassettes.zip', bytes: zipExports(files) };
    return {
      fileName: file.fileName,
      contentType: contentTypeOf(file.fileName),
      base64: Buffer.from(file.bytes).toString('base64'),
      byteLength: file.bytes.byteLength,
      cassettes: files.length,
    };
  }
}
