/** Reading and building the model's header maps (lower-case names, repeated values kept). */
import type { Headers } from './cassette.model';

/** The first value of a header, by case-insensitive name. */
export function headerValue(headers: Headers, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** Every value of a header, by case-insensitive name. */
export function headerValues(headers: Headers, name: string): string[] {
  const value = headers[name.toLowerCase()];
  if (value === undefined) return [];
  return Array.isArray(value) ? [...value] : [value];
}

/** A header map from name/value pairs: names lower-cased, repeated names keep every value. */
export function headersFromPairs(pairs: Iterable<readonly [string, string]>): Headers {
  const headers: Headers = {};
  for (const [rawName, value] of pairs) {
    const name = rawName.toLowerCase();
    const existing = headers[name];
    if (existing === undefined) headers[name] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else headers[name] = [existing, value];
  }
  return headers;
}

/** Name/value pairs of a header map, one pair per value. */
export function headerPairs(headers: Headers): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(headers)) {
    if (Array.isArray(value)) for (const v of value) pairs.push([name, v]);
    else pairs.push([name, value]);
  }
  return pairs;
}
