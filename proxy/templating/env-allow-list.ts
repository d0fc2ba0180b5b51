/** Which environment variables templates may read: glob patterns (`*`, `?`), `MAGNETO_*` by default. */

export const DEFAULT_ENV_ALLOW_LIST: readonly string[] = ['MAGNETO_*'];

const compiled = new Map<string, RegExp>();

function globToRegExp(pattern: string): RegExp {
  let regexp = compiled.get(pattern);
  if (regexp === undefined) {
    const body = pattern
      .split('')
      .map((char) => {
        if (char === '*') return '.*';
        if (char === '?') return '.';
        return char.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
      })
      .join('');
    regexp = new RegExp(`^${body}$`);
    compiled.set(pattern, regexp);
  }
  return regexp;
}

/** Whether `name` matches one of the patterns (case-sensitive, as variable names are on Unix). */
export function isEnvAllowed(name: string, allowList: readonly string[]): boolean {
  return allowList.some((pattern) => globToRegExp(pattern).test(name));
}
