/** A backup that cannot be made or restored; the message says why and what was left as it was. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}
