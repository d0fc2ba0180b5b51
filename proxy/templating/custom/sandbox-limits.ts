/** The limits a custom helper runs under, and the error its sandbox reports; shared by both threads. */

export interface SandboxLimits {
  memoryBytes: number;
  stackBytes: number;
  timeoutMs: number;
  /** Cap on the JSON text of a result. */
  maxResultBytes: number;
}

export const DEFAULT_SANDBOX_LIMITS: SandboxLimits = {
  memoryBytes: 16 * 1024 * 1024,
  // Small enough that QuickJS stops deep recursion before the host's own stack runs out.
  stackBytes: 64 * 1024,
  timeoutMs: 100,
  maxResultBytes: 256 * 1024,
};

/** Sandboxed code failed: it threw, ran out of time or memory, or returned too much. */
export class SandboxError extends Error {
  override readonly name: string = 'SandboxError';
}

/** What a user reads when a helper is stopped for running too long, by QuickJS or by the host. */
export function tooLongMessage(timeoutMs: number): string {
  return `ran longer than ${timeoutMs} ms and was stopped`;
}
