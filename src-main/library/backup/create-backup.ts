/**
 * `magneto backup`: the library in one zip archive. Cassette files are copied as they are (the
 * library writes them atomically, so a running studio never shows a half-written one); the index is
 * a consistent SQLite snapshot, so a backup can be taken while the studio runs.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { zipSync, type Zippable } from 'fflate';
import { writeFileAtomic } from '../atomic-write';
import {
  ARCHIVE_PREFIX,
  BACKUP_FORMAT,
  BACKUP_VERSION,
  MANIFEST_PATH,
  contentsOf,
  type BackupContents,
  type BackupFileEntry,
  type BackupManifest,
} from './backup-manifest';
import {
  cassetteFileNames,
  exists,
  libraryPaths,
  templateFileNames,
  type LibraryLocation,
} from './library-files';

export interface BackupSummary extends BackupContents {
  /** The archive's absolute path. */
  file: string;
  bytes: number;
}

interface ArchivedFile {
  archivePath: string;
  bytes: Uint8Array;
  mtimeMs: number;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function readPlain(archivePath: string, file: string): Promise<ArchivedFile> {
  const [bytes, stats] = await Promise.all([fs.readFile(file), fs.stat(file)]);
  return { archivePath, bytes, mtimeMs: stats.mtimeMs };
}

/** The index as one consistent file, read through SQLite (so a live write-ahead log is included). */
async function indexSnapshot(file: string): Promise<ArchivedFile> {
  const { mtimeMs } = await fs.stat(file);
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    return { archivePath: ARCHIVE_PREFIX.index, bytes: db.serialize(), mtimeMs };
  } finally {
    db.close();
  }
}

async function collect(location: LibraryLocation): Promise<ArchivedFile[]> {
  const paths = libraryPaths(location);
  const files: ArchivedFile[] = [];
  for (const name of await cassetteFileNames(paths.cassetteDir)) {
    files.push(
      await readPlain(`${ARCHIVE_PREFIX.cassette}${name}`, path.join(paths.cassetteDir, name)),
    );
  }
  if (await exists(paths.index)) files.push(await indexSnapshot(paths.index));
  if (await exists(paths.customHelpers)) {
    files.push(await readPlain(ARCHIVE_PREFIX.customHelpers, paths.customHelpers));
  }
  for (const name of await templateFileNames(paths.templatesDir)) {
    files.push(
      await readPlain(`${ARCHIVE_PREFIX.template}${name}`, path.join(paths.templatesDir, name)),
    );
  }
  return files;
}

/** Writes the library at `location` to the archive `file` (replaced atomically when it exists). */
export async function createBackup(
  location: LibraryLocation,
  file: string,
  now: Date = new Date(),
): Promise<BackupSummary> {
  const files = await collect(location);
  const entries: BackupFileEntry[] = files.map((entry) => ({
    path: entry.archivePath,
    size: entry.bytes.byteLength,
    sha256: sha256(entry.bytes),
    mtimeMs: entry.mtimeMs,
  }));
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: now.toISOString(),
    files: entries,
  };
  const zippable: Zippable = {
    [MANIFEST_PATH]: new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
  };
  for (const entry of files) zippable[entry.archivePath] = entry.bytes;
  const archive = zipSync(zippable, { level: 6 });
  const target = path.resolve(file);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await writeFileAtomic(target, archive);
  return {
    file: target,
    bytes: archive.byteLength,
    ...contentsOf(entries.map((entry) => entry.path)),
  };
}
