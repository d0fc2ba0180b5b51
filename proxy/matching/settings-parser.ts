/** Parses a cassette's `metadata.settings.<key>` with a zod schema, failing with a clear error. */
import type { z } from 'zod';
import { CassetteFormatError, formatPath } from '../cassette/errors';

/**
 * Validates one settings group and fills in its defaults. `undefined` (the group is absent) gives
 * the defaults; anything invalid throws a `CassetteFormatError` whose path points into the cassette
 * (`metadata.settings.matching.body`) and whose message lists every problem found.
 */
export function parseSettings<Output>(
  schema: z.ZodType<Output>,
  input: unknown,
  key: 'matching' | 'redaction',
): Output {
  const result = schema.safeParse(input === undefined ? {} : input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({
    path: formatPath(['metadata', 'settings', key, ...issue.path]),
    message: issue.message,
  }));
  const first = problems[0] ?? { path: formatPath(['metadata', 'settings', key]), message: '' };
  const lines = problems.map((problem) => `  ${problem.path}: ${problem.message}`);
  throw new CassetteFormatError(
    `Invalid ${key} settings:\n${lines.join('\n')}`,
    undefined,
    first.path,
    first.message,
  );
}
