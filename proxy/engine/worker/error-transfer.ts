/**
 * Errors across the thread boundary. Structured cloning keeps only the standard error classes, so
 * errors travel as plain data (name, message, code, members of an AggregateError) and come back as
 * what the callers of the engine look for: `EngineOptionsError` stays one, and an error the
 * cassette store threw in the studio's thread comes back as the very object it threw (`ref`).
 */
import { EngineOptionsError } from '../engine-options';
import { asError } from '../../support/as-error';

export interface TransferredError {
  name: string;
  message: string;
  stack?: string;
  code?: string;
  /** An error the studio's thread keeps (`ErrorKeeper`): revived as that object. */
  ref?: number;
  /** An AggregateError's errors. */
  errors?: TransferredError[];
}

/** Refs of the errors that came from the studio's thread, on the worker's side. */
const refs = new WeakMap<Error, number>();

/** The error as data (in the worker: with its ref when it came from the studio's thread). */
export function transferError(thrown: unknown, ref?: number): TransferredError {
  const error = asError(thrown);
  const code = (error as NodeJS.ErrnoException).code;
  return {
    name: error.name,
    message: error.message,
    ...(error.stack === undefined ? {} : { stack: error.stack }),
    ...(typeof code === 'string' ? { code } : {}),
    ...((ref ?? refs.get(error)) === undefined ? {} : { ref: ref ?? refs.get(error) }),
    ...(error instanceof AggregateError
      ? { errors: (error.errors as unknown[]).map((member) => transferError(member)) }
      : {}),
  };
}

/**
 * The error again. `kept` finds the studio's own errors by ref (in the studio's thread); in the
 * worker, the ref stays attached, to go back with the error.
 */
export function reviveError(
  data: TransferredError,
  kept?: (ref: number) => Error | undefined,
): Error {
  const original = data.ref === undefined ? undefined : kept?.(data.ref);
  if (original !== undefined) return original;
  let error: Error;
  if (data.name === 'EngineOptionsError') error = new EngineOptionsError(data.message);
  else if (data.errors !== undefined) {
    error = new AggregateError(
      data.errors.map((member) => reviveError(member, kept)),
      data.message,
    );
  } else {
    error = new Error(data.message);
    if (data.name !== 'Error') error.name = data.name;
  }
  if (data.code !== undefined) Object.assign(error, { code: data.code });
  if (data.stack !== undefined) error.stack = data.stack;
  if (data.ref !== undefined && kept === undefined) refs.set(error, data.ref);
  return error;
}

/** The studio's side: errors sent to the worker, kept (the latest few) to be given back as they were. */
export class ErrorKeeper {
  private readonly kept = new Map<number, Error>();
  private lastRef = 0;

  constructor(private readonly capacity = 256) {}

  keep(error: Error): number {
    const ref = ++this.lastRef;
    this.kept.set(ref, error);
    for (const oldest of this.kept.keys()) {
      if (this.kept.size <= this.capacity) break;
      this.kept.delete(oldest);
    }
    return ref;
  }

  readonly find = (ref: number): Error | undefined => this.kept.get(ref);
}
