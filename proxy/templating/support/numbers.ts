/** Arithmetic for the math helpers: every argument must be a number, results lose float noise. */
import { helperError } from '../errors';
import { asNumber } from '../helper-args';
import type { HelperCall } from '../helper-definition';

/** The arguments as numbers; at least `minimum` of them. */
export function numbersOf(call: HelperCall, minimum: number): number[] {
  if (call.params.length < minimum) {
    throw helperError(call.name, `needs at least ${minimum} numbers, got ${call.params.length}`);
  }
  return call.params.map((value, index) => {
    const number = asNumber(value);
    if (number === undefined) {
      throw helperError(
        call.name,
        `argument ${index + 1} is not a number: ${JSON.stringify(value)}`,
      );
    }
    return number;
  });
}

/** `0.1 + 0.2` shows as 0.3: results are rounded to 15 significant digits. */
export function tidy(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(15)) : value;
}

/** Folds the arguments from the left with `operation`. */
export function fold(call: HelperCall, operation: (a: number, b: number) => number): number {
  const [first = 0, ...rest] = numbersOf(call, 2);
  return tidy(rest.reduce(operation, first));
}
