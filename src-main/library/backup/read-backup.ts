/**
 * Reads and verifies a backup archive before anything is restored from it: a readable zip, a valid
 * manifest, only the entries the manifest lists (each at a path a backup may hold), each with the
 * size and SHA-256 the manifest gives. Any difference refuses the whole archive.
 */
import { unzipSync, type Unzipped } from 'fflate';
import { BackupError } from './backup-error';
import {
  MANIFEST_PATH,
  kindOfArchivePath,
  manifestSchema,
  type BackupFileEntry,
  type BackupManifest,
} from './backup-manifest';
import { sha256 } from './create-backup';

export interface VerifiedFile extends BackupFileEntry {
  bytes: Uint8Array;
}

export interface VerifiedBackup {
  manifest: BackupManifest;
  files: VerifiedFile[];
}

function unzip(archive: Uint8Array, keep: (name: string, size: number) => boolean): Unzipped {
  try {
    return unzipSync(archive, { filter: (file) => keep(file.name, file.originalSize) });
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`not a readable backup archive (${(error as Error).message})`);
  }
}

function readManifest(archive: Uint8Array): BackupManifest {
  const bytes = unzip(archive, (name) => name === MANIFEST_PATH)[MANIFEST_PATH];
  if (bytes === undefined)
    throw new BackupError('not a Magneto Studio backup: it has no manifest.json');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new BackupError(`manifest.json is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') ?? '';
    throw new BackupError(
      `manifest.json is not a Magneto Studio backup manifest (version 1)${where === '' ? '' : ` at ${where}`}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return parsed.data;
}

export function verifyBackup(archive: Uint8Array): VerifiedBackup {
  const manifest = readManifest(archive);
  const listed = new Map<string, BackupFileEntry>();
  for (const entry of manifest.files) {
    if (kindOfArchivePath(entry.path) === undefined) {
      throw new BackupError(`the manifest lists "${entry.path}", which a backup may not contain`);
    }
    if (listed.has(entry.path)) throw new BackupError(`the manifest lists "${entry.path}" twice`);
    listed.set(entry.path, entry);
  }
  const stray: string[] = [];
  const contents = unzip(archive, (name, size) => {
    if (name === MANIFEST_PATH) return false;
    const entry = listed.get(name);
    if (entry === undefined) {
      stray.push(name);
      return false;
    }
    // Sizes are checked before inflating, so a forged entry cannot make us inflate gigabytes.
    if (size !== entry.size) {
      throw new BackupError(`"${name}" is ${size} bytes, the manifest says ${entry.size}`);
    }
    return true;
  });
  if (stray.length > 0) {
    throw new BackupError(`the archive holds "${stray[0]}", which its manifest does not list`);
  }
  const files = manifest.files.map((entry): VerifiedFile => {
    const bytes = contents[entry.path];
    if (bytes === undefined) throw new BackupError(`"${entry.path}" is missing from the archive`);
    if (bytes.byteLength !== entry.size || sha256(bytes) !== entry.sha256) {
      throw new BackupError(
        `"${entry.path}" does not match its checksum: the archive is damaged or was altered`,
      );
    }
    return { ...entry, bytes };
  });
  return { manifest, files };
}
