/**
 * The environment variables response templates may read, as the API takes them: variable names or
 * glob patterns (`*`, `?`, case-sensitive), checked before they reach the engine.
 */
import { badInput } from './service-error';

const MAX_PATTERNS = 100;
const MAX_PATTERN_LENGTH = 200;
/** What no variable name holds: an empty name, `=`, white space or control characters. */
const INVALID_PATTERN = /^$|[=\s\p{Cc}]/u;

/** The patterns without duplicates; throws BAD_USER_INPUT naming the first invalid one. */
export function templateEnvAllowListOf(patterns: readonly string[]): string[] {
  if (patterns.length > MAX_PATTERNS) {
    throw badInput(`templateEnvAllowList takes at most ${MAX_PATTERNS} patterns.`);
  }
  patterns.forEach((pattern, index) => {
    if (INVALID_PATTERN.test(pattern) || pattern.length > MAX_PATTERN_LENGTH) {
      throw badInput(
        `templateEnvAllowList[${index}]: ${JSON.stringify(pattern)} is not a variable name or glob ` +
          `pattern such as "MAGNETO_*" (no spaces, no "=", at most ${MAX_PATTERN_LENGTH} characters).`,
        { index, pattern },
      );
    }
  });
  return [...new Set(patterns)];
}
