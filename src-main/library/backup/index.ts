/** Backing up a library to one verified archive and restoring it. */
export { BackupError } from './backup-error';
export { describeContents, type BackupContents } from './backup-manifest';
export { createBackup, type BackupSummary } from './create-backup';
export { restoreBackup, type RestoreOptions, type RestoreSummary } from './restore-backup';
export type { LibraryLocation } from './library-files';
