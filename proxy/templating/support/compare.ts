/** Comparisons for the logic helpers: numbers as numbers (even written as text), else as text. */
import { asNumber, asText } from '../helper-args';

/** Equal, or the same primitive written differently (`2` and `"2"`). */
export function looselyEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const primitive = (value: unknown) => value === null || typeof value !== 'object';
  return (
    primitive(a) && primitive(b) && a !== undefined && b !== undefined && asText(a) === asText(b)
  );
}

/** Negative, zero or positive as `a` sorts before, with or after `b`. */
export function compare(a: unknown, b: unknown): number {
  const x = asNumber(a);
  const y = asNumber(b);
  if (x !== undefined && y !== undefined) return x - y;
  return asText(a).localeCompare(asText(b));
}
