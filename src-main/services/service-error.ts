/** Errors raised by the services themselves (the library and the engines raise their own). */

export type ServiceErrorCode =
  /** The caller's input is invalid; the message says what to change. */
  | 'BAD_USER_INPUT'
  /** The studio was started without a proxy engine. */
  | 'PROXY_UNAVAILABLE'
  /** The proxy could not be started, stopped or reconfigured. */
  | 'PROXY_FAILED';

export class ServiceError extends Error {
  override readonly name = 'ServiceError';
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    /** Extra fields a client can act on (a name, an id). */
    readonly details: Record<string, unknown> = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export function badInput(message: string, details: Record<string, unknown> = {}): ServiceError {
  return new ServiceError('BAD_USER_INPUT', message, details);
}
