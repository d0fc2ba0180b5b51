/** The cheap shape test formats use in `matches`. */

/** Whether a parsed value is an object with keys (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
