/** Validates a parsed document against a zod schema, turning the first issue into a precise error. */
import type { z } from 'zod';
import { formatPath } from '../errors';
import { cassetteFormatError } from './format-error';

type Issue = z.core.$ZodIssue;

function valueAt(document: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = document;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

function describeValue(value: unknown, showPrimitive: boolean): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Uint8Array) return 'binary data';
  if (showPrimitive && typeof value !== 'object') return JSON.stringify(value);
  return typeof value;
}

function literal(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** What the schema wanted, in words, and whether to show the offending value itself. */
function expectation(issue: Issue): { expected: string; showValue: boolean } {
  switch (issue.code) {
    case 'invalid_type':
      // A number that is not an integer: show it.
      if (issue.expected === 'int') return { expected: 'integer', showValue: true };
      return { expected: issue.expected, showValue: false };
    case 'invalid_value':
      return { expected: issue.values.map(literal).join(' | '), showValue: true };
    case 'invalid_union':
      if (issue.discriminator !== undefined && 'options' in issue && issue.options !== undefined) {
        return { expected: issue.options.map(literal).join(' | '), showValue: true };
      }
      return { expected: issue.message, showValue: false };
    case 'too_small': {
      const bound = issue.inclusive === false ? '>' : '>=';
      return { expected: `${issue.origin} ${bound} ${String(issue.minimum)}`, showValue: true };
    }
    case 'too_big': {
      const bound = issue.inclusive === false ? '<' : '<=';
      return { expected: `${issue.origin} ${bound} ${String(issue.maximum)}`, showValue: true };
    }
    default:
      return { expected: issue.message, showValue: true };
  }
}

/**
 * Parses `document` with `schema`; on failure throws a `CassetteFormatError` naming the file, the
 * path of the first problem (`interactions[3].response.status`) and what was expected there.
 * `at`: where `document` sits in a larger one (its path is put before the problem's).
 */
export function validateDocument<T>(
  schema: z.ZodType<T>,
  document: unknown,
  fileName: string | undefined,
  at: ReadonlyArray<PropertyKey> = [],
): T {
  const result = schema.safeParse(document);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue === undefined)
    throw cassetteFormatError(fileName, '', 'a cassette', 'invalid cassette');
  const path = formatPath([...at, ...issue.path]);
  const { expected, showValue } = expectation(issue);
  const got = describeValue(valueAt(document, issue.path), showValue);
  throw cassetteFormatError(fileName, path, expected, `expected ${expected}, got ${got}`);
}
