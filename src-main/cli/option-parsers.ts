/** Parsers for option values, failing with the option's name. */
import { InvalidArgumentError } from 'commander';

export function integerOption(name: string): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (value.trim() === '' || !Number.isInteger(number) || number < 0) {
      throw new InvalidArgumentError(`${name} takes a whole number of 0 or more, got "${value}".`);
    }
    return number;
  };
}
