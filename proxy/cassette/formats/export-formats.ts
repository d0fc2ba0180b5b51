/**
 * The export formats users pick from (CLI `--format`, the API, the UI): each is a format written in
 * one container, with the file extension it gets. Several cassettes export as one zip archive.
 */
import { zipSync } from 'fflate';
import type { Cassette } from '../cassette.model';
import type { Container, FormatId } from './format';
import { encodeCassette } from './registry';

export type ExportFormat = 'native' | 'msgpack' | 'magneto-v1' | 'har';

interface ExportTarget {
  format: FormatId;
  container: Container;
  extension: string;
  description: string;
}

const TARGETS: Record<ExportFormat, ExportTarget> = {
  native: {
    format: 'native',
    container: 'json',
    extension: '.json',
    description: 'Magneto Studio native JSON (2.0)',
  },
  msgpack: {
    format: 'native',
    container: 'msgpack',
    extension: '.msgpack',
    description: 'Magneto Studio native MessagePack (2.0)',
  },
  'magneto-v1': {
    format: 'magneto-v1',
    container: 'json',
    extension: '.json',
    description: 'Magneto-Serge 1.0 JSON',
  },
  har: { format: 'har', container: 'json', extension: '.har', description: 'HAR 1.2' },
};

export const EXPORT_FORMATS = Object.keys(TARGETS) as ExportFormat[];

export function isExportFormat(value: string): value is ExportFormat {
  return Object.hasOwn(TARGETS, value);
}

export function exportFormatDescription(format: ExportFormat): string {
  return TARGETS[format].description;
}

export interface ExportedFile {
  fileName: string;
  bytes: Uint8Array;
}

/** One cassette in an export format, with the file name it should get. */
export function exportCassette(
  cassette: Cassette,
  format: ExportFormat,
  options: { gzip?: boolean } = {},
): ExportedFile {
  const target = TARGETS[format];
  const gzip = options.gzip ?? false;
  const bytes = encodeCassette(cassette, {
    format: target.format,
    container: target.container,
    gzip,
  });
  return { fileName: `${cassette.name}${target.extension}${gzip ? '.gz' : ''}`, bytes };
}

/** Several exported files in one zip archive. */
export function zipExports(files: readonly ExportedFile[]): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const file of files) {
    if (Object.hasOwn(entries, file.fileName)) {
      throw new Error(`two exported files are both named "${file.fileName}"`);
    }
    entries[file.fileName] = file.bytes;
  }
  return zipSync(entries, { level: 6 });
}
