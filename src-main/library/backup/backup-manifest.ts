/**
 * What a library backup holds: one zip archive with `manifest.json` listing every other entry with
 * its size, SHA-256 and modification time. Entry paths are fixed by kind, so a restore knows where
 * each goes and refuses anything else (no `..`, no absolute paths, no stray entries).
 */
import { z } from 'zod';
import { parseCassetteFileName } from '../cassette-file-names';

export const BACKUP_FORMAT = 'magneto-studio-backup';
export const BACKUP_VERSION = 1;
export const MANIFEST_PATH = 'manifest.json';

export type BackupEntryKind = 'cassette' | 'index' | 'custom-helpers' | 'template';

/** Where each kind lives in the archive, relative to the library's folders on restore. */
export const ARCHIVE_PREFIX = {
  cassette: 'cassettes/',
  index: 'data/index.sqlite',
  customHelpers: 'data/custom-helpers.json',
  template: 'data/templates/',
} as const;

const fileEntrySchema = z.object({
  path: z.string().min(1),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/u, 'Expected a SHA-256 in hex'),
  mtimeMs: z.number().nonnegative(),
});

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string(),
  files: z.array(fileEntrySchema),
});

export type BackupManifest = z.infer<typeof manifestSchema>;
export type BackupFileEntry = z.infer<typeof fileEntrySchema>;

/** A plain file name: no separators, not hidden, nothing a file system would reinterpret. */
function plainFileName(name: string): boolean {
  return (
    name !== '' &&
    !name.startsWith('.') &&
    !/[/\\\0]/u.test(name) &&
    // Windows reserved characters would make a restore there fail half-way.
    !/[<>:"|?*]/u.test(name)
  );
}

/** The kind of an archive path, or undefined when a backup may not contain it. */
export function kindOfArchivePath(archivePath: string): BackupEntryKind | undefined {
  if (archivePath === ARCHIVE_PREFIX.index) return 'index';
  if (archivePath === ARCHIVE_PREFIX.customHelpers) return 'custom-helpers';
  if (archivePath.startsWith(ARCHIVE_PREFIX.cassette)) {
    const name = archivePath.slice(ARCHIVE_PREFIX.cassette.length);
    return plainFileName(name) && parseCassetteFileName(name) !== undefined
      ? 'cassette'
      : undefined;
  }
  if (archivePath.startsWith(ARCHIVE_PREFIX.template)) {
    const name = archivePath.slice(ARCHIVE_PREFIX.template.length);
    return plainFileName(name) && name.endsWith('.json') ? 'template' : undefined;
  }
  return undefined;
}

/** How many entries of each kind, for messages and `--json` output. */
export interface BackupContents {
  cassettes: number;
  index: boolean;
  customHelpers: boolean;
  templates: number;
}

export function contentsOf(paths: readonly string[]): BackupContents {
  const kinds = paths.map(kindOfArchivePath);
  return {
    cassettes: kinds.filter((kind) => kind === 'cassette').length,
    index: kinds.includes('index'),
    customHelpers: kinds.includes('custom-helpers'),
    templates: kinds.filter((kind) => kind === 'template').length,
  };
}

export function describeContents(contents: BackupContents): string {
  const parts = [`${contents.cassettes} cassette${contents.cassettes === 1 ? '' : 's'}`];
  if (contents.index) parts.push('the index');
  if (contents.customHelpers) parts.push('the custom helpers');
  if (contents.templates > 0) {
    parts.push(`${contents.templates} template${contents.templates === 1 ? '' : 's'}`);
  }
  return parts.length === 1
    ? (parts[0] ?? '')
    : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
