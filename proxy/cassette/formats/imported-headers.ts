/** Header maps of imported formats whose names keep their case and may hold a list of values. */
import type { Headers } from '../cassette.model';
import { headersFromPairs } from '../headers';

/** `{Name: value}` or `{Name: [values]}` as a model header map (lower-case names, order kept). */
export function headersFromMap(
  map: Readonly<Record<string, string | readonly string[]>> | null | undefined,
): Headers {
  const pairs: Array<[string, string]> = [];
  for (const [name, values] of Object.entries(map ?? {})) {
    for (const value of typeof values === 'string' ? [values] : values) pairs.push([name, value]);
  }
  return headersFromPairs(pairs);
}
