/** Errors of the cassette library, each with a stable `code` the CLI and the API can map. */
import type { CassetteNameProblem } from '../../proxy/cassette/cassette-name';
import type { LibraryErrorCode } from './library.model';

export class LibraryError extends Error {
  override name: string = 'LibraryError';
  constructor(
    readonly code: LibraryErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export class CassetteNameError extends LibraryError {
  override readonly name = 'CassetteNameError';
  constructor(
    readonly cassetteName: string,
    readonly problem: CassetteNameProblem,
    detail: string,
  ) {
    super('INVALID_NAME', `Invalid cassette name ${JSON.stringify(cassetteName)}: ${detail}.`);
  }
}

export class CassetteNotFoundError extends LibraryError {
  override readonly name = 'CassetteNotFoundError';
  constructor(readonly cassetteName: string) {
    super('NOT_FOUND', `No cassette named ${JSON.stringify(cassetteName)} in the library.`);
  }
}

export class CassetteExistsError extends LibraryError {
  override readonly name = 'CassetteExistsError';
  constructor(
    readonly cassetteName: string,
    readonly existingName: string,
  ) {
    super(
      'ALREADY_EXISTS',
      existingName === cassetteName
        ? `A cassette named ${JSON.stringify(cassetteName)} already exists.`
        : `A cassette named ${JSON.stringify(existingName)} already exists; names differing only in case would clash on case-insensitive file systems.`,
    );
  }
}

export class CassetteBrokenError extends LibraryError {
  override readonly name = 'CassetteBrokenError';
  constructor(
    readonly cassetteName: string,
    readonly fileName: string,
    readonly reason: string,
  ) {
    super(
      'BROKEN',
      `Cassette ${JSON.stringify(cassetteName)} cannot be read from ${fileName}: ${reason.replace(/\.?$/u, '.')} The file is left as it is; fix or delete it.`,
    );
  }
}

export class InteractionNotFoundError extends LibraryError {
  override readonly name = 'InteractionNotFoundError';
  constructor(
    readonly cassetteName: string,
    readonly interactionId: string,
  ) {
    super(
      'INTERACTION_NOT_FOUND',
      `Cassette ${JSON.stringify(cassetteName)} has no interaction with id ${JSON.stringify(interactionId)}.`,
    );
  }
}

export class InvalidQueryError extends LibraryError {
  override readonly name = 'InvalidQueryError';
  constructor(message: string) {
    super('INVALID_QUERY', message);
  }
}

/** The cassette that a write would produce cannot be encoded or read back: nothing was written. */
export class InvalidCassetteError extends LibraryError {
  override readonly name = 'InvalidCassetteError';
  constructor(cassetteName: string, reason: string, options?: ErrorOptions) {
    super(
      'INVALID_CASSETTE',
      `Refusing to write cassette ${JSON.stringify(cassetteName)}: ${reason}`,
      options,
    );
  }
}

export class IndexMigrationError extends LibraryError {
  override readonly name = 'IndexMigrationError';
  constructor(message: string) {
    super('INDEX_MIGRATION', message);
  }
}

export class LibraryClosedError extends LibraryError {
  override readonly name = 'LibraryClosedError';
  constructor() {
    super('CLOSED', 'The cassette library is closed.');
  }
}
