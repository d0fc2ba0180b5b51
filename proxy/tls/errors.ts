/** Errors of the HTTPS certificate authority, each naming what was wrong and where. */

/** The CA files cannot be used (missing, corrupted, half-written, mismatched or expired). */
export class CertificateAuthorityError extends Error {
  override readonly name = 'CertificateAuthorityError';
  constructor(
    message: string,
    /** The file or folder concerned. */
    readonly file: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A host name that cannot go in a certificate (empty, too long, bad characters). */
export class InvalidHostnameError extends Error {
  override readonly name = 'InvalidHostnameError';
  constructor(
    message: string,
    /** The host name as it was given. */
    readonly hostname: string,
  ) {
    super(message);
  }
}
