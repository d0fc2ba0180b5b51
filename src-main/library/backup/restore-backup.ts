/**
 * `magneto restore`: replaces the library with a verified backup. The archive is checked whole
 * first (read-backup.ts); its files are then written to staging folders inside the cassette and
 * data folders (same file system, so the final moves are renames), the index snapshot is checked
 * by SQLite, and only then are the current files moved aside and the restored ones moved in. A
 * failure at any step puts every file back. Files of the cassette folder that are not cassettes are
 * left alone. Stop the studio before restoring: it must not write while its files are replaced.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { syncDirectory } from '../../../proxy/support/durable-files';
import { BackupError } from './backup-error';
import {
  ARCHIVE_PREFIX,
  contentsOf,
  describeContents,
  type BackupContents,
} from './backup-manifest';
import {
  cassetteFileNames,
  exists,
  libraryPaths,
  templateFileNames,
  type LibraryLocation,
  type LibraryPaths,
} from './library-files';
import { MoveJournal } from './move-journal';
import { verifyBackup, type VerifiedFile } from './read-backup';

export interface RestoreOptions {
  /** Replace a library that has cassettes (without it, only an empty library is restored into). */
  force?: boolean;
}

export interface RestoreSummary extends BackupContents {
  file: string;
  createdAt: string;
  /** Cassette files that were in the folder before and are not in the backup (now removed). */
  replacedCassettes: number;
}

interface Staging {
  cassettes: { root: string; incoming: string; outgoing: string };
  data: { root: string; incoming: string; outgoing: string };
}

async function makeStaging(paths: LibraryPaths): Promise<Staging> {
  const name = `.magneto-restore-${process.pid}-${randomBytes(4).toString('hex')}`;
  const area = (dir: string) => {
    const root = path.join(dir, name);
    return { root, incoming: path.join(root, 'incoming'), outgoing: path.join(root, 'outgoing') };
  };
  const staging = { cassettes: area(paths.cassetteDir), data: area(paths.dataDir) };
  for (const dir of [staging.cassettes, staging.data]) {
    await fs.mkdir(dir.incoming, { recursive: true });
    await fs.mkdir(dir.outgoing, { recursive: true });
  }
  return staging;
}

/** Where an archive entry goes, relative to the cassette folder or the data folder. */
function destinationOf(entry: VerifiedFile): { area: 'cassettes' | 'data'; relative: string } {
  if (entry.path.startsWith(ARCHIVE_PREFIX.cassette)) {
    return { area: 'cassettes', relative: entry.path.slice(ARCHIVE_PREFIX.cassette.length) };
  }
  return { area: 'data', relative: entry.path.slice('data/'.length) };
}

async function writeStaged(staging: Staging, files: readonly VerifiedFile[]): Promise<void> {
  for (const entry of files) {
    const { area, relative } = destinationOf(entry);
    const target = path.join(staging[area].incoming, relative);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, entry.bytes);
    // Seconds as a number keep the sub-millisecond part a Date would drop.
    const seconds = entry.mtimeMs / 1000;
    await fs.utimes(target, seconds, seconds);
  }
}

function checkIndex(file: string): void {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true });
    const result = db.pragma('quick_check', { simple: true });
    if (result !== 'ok') throw new Error(String(result));
  } catch (error) {
    throw new BackupError(
      `the index in the backup is not a sound SQLite database: ${(error as Error).message}`,
    );
  } finally {
    db?.close();
  }
}

/** Moves the current library files out and the staged ones in, recording every rename. */
async function commit(
  paths: LibraryPaths,
  staging: Staging,
  journal: MoveJournal,
): Promise<number> {
  const current = await cassetteFileNames(paths.cassetteDir);
  for (const name of current) {
    await journal.move(
      path.join(paths.cassetteDir, name),
      path.join(staging.cassettes.outgoing, name),
    );
  }
  const dataItems = [
    paths.index,
    ...paths.indexCompanions,
    paths.customHelpers,
    paths.templatesDir,
  ];
  for (const item of dataItems) {
    if (await exists(item)) {
      await journal.move(item, path.join(staging.data.outgoing, path.basename(item)));
    }
  }
  const incoming = await fs.readdir(staging.cassettes.incoming);
  for (const name of incoming) {
    await journal.move(
      path.join(staging.cassettes.incoming, name),
      path.join(paths.cassetteDir, name),
    );
  }
  for (const name of await fs.readdir(staging.data.incoming)) {
    await journal.move(path.join(staging.data.incoming, name), path.join(paths.dataDir, name));
  }
  const restored = new Set(incoming);
  return current.filter((name) => !restored.has(name)).length;
}

/** What the library holds now that a restore would replace, or undefined when it holds nothing. */
async function presentContents(paths: LibraryPaths): Promise<string | undefined> {
  const contents: BackupContents = {
    cassettes: (await cassetteFileNames(paths.cassetteDir)).length,
    index: false,
    customHelpers: await exists(paths.customHelpers),
    templates: (await templateFileNames(paths.templatesDir)).length,
  };
  const empty = contents.cassettes === 0 && !contents.customHelpers && contents.templates === 0;
  return empty ? undefined : describeContents(contents);
}

export async function restoreBackup(
  location: LibraryLocation,
  file: string,
  options: RestoreOptions = {},
): Promise<RestoreSummary> {
  const archivePath = path.resolve(file);
  const archive = await fs.readFile(archivePath).catch((error: NodeJS.ErrnoException) => {
    throw new BackupError(
      `cannot read ${archivePath}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`,
    );
  });
  const backup = verifyBackup(archive);
  const paths = libraryPaths(location);
  const present = await presentContents(paths);
  if (present !== undefined && options.force !== true) {
    throw new BackupError(
      `the library already holds ${present}; a restore replaces it: add --force to replace it`,
    );
  }
  await fs.mkdir(paths.cassetteDir, { recursive: true });
  await fs.mkdir(paths.dataDir, { recursive: true });
  const staging = await makeStaging(paths);
  const journal = new MoveJournal();
  let keepStaging = false;
  try {
    await writeStaged(staging, backup.files);
    if (backup.files.some((entry) => entry.path === ARCHIVE_PREFIX.index)) {
      checkIndex(path.join(staging.data.incoming, path.basename(paths.index)));
    }
    const replacedCassettes = await commit(paths, staging, journal);
    await syncDirectory(paths.cassetteDir);
    await syncDirectory(paths.dataDir);
    return {
      file: archivePath,
      createdAt: backup.manifest.createdAt,
      replacedCassettes,
      ...contentsOf(backup.files.map((entry) => entry.path)),
    };
  } catch (error) {
    const stuck = await journal.undo();
    keepStaging = stuck.length > 0;
    const reason = error instanceof Error ? error.message : String(error);
    throw new BackupError(
      stuck.length === 0
        ? `restore failed, the library is unchanged: ${reason}`
        : `restore failed (${reason}) and ${stuck.length} file(s) could not be put back: ${stuck.join(', ')}; they are kept in the .magneto-restore-* folders`,
    );
  } finally {
    if (!keepStaging) {
      await fs.rm(staging.cassettes.root, { recursive: true, force: true });
      await fs.rm(staging.data.root, { recursive: true, force: true });
    }
  }
}
