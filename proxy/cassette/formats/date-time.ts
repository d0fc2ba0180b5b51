/** Timestamps of imported formats, brought to the RFC 3339 form the model keeps. */
import { z } from 'zod';

const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * A timestamp as RFC 3339: kept as written when it already is (HAR, Talkback), otherwise converted
 * to UTC (`Tue, 01 Nov 2011 04:58:44 GMT` becomes `2011-11-01T04:58:44.000Z`). Undefined when it
 * names no date.
 */
export function toRfc3339(value: string): string | undefined {
  const time = Date.parse(value);
  if (Number.isNaN(time)) return undefined;
  return RFC_3339.test(value) ? value : new Date(time).toISOString();
}

/** A date-time string in the document, validated and converted with `toRfc3339`. */
export const dateTimeSchema = z
  .string()
  .refine((value) => toRfc3339(value) !== undefined, {
    message: 'a date-time such as 2025-06-02T14:03:11Z or Mon, 02 Jun 2025 14:03:11 GMT',
  })
  .transform((value) => toRfc3339(value) ?? value);

/** The earliest of RFC 3339 timestamps, as written; undefined for none. */
export function earliestDateTime(values: Iterable<string>): string | undefined {
  let earliest: string | undefined;
  for (const value of values) {
    if (earliest === undefined || Date.parse(value) < Date.parse(earliest)) earliest = value;
  }
  return earliest;
}
