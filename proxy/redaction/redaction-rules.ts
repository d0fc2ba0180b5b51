/** Redaction options compiled into quick lookups. */
import { ALWAYS_REDACTED_HEADERS, type RedactionOptions } from './redaction-options';

export interface RedactionRules {
  placeholder: string;
  /** Lower-case header name → hidden. */
  header(name: string): boolean;
  /** Query parameter name → hidden. */
  queryParam(name: string): boolean;
  /** JSON field name → hidden. */
  bodyField(name: string): boolean;
  /** JSONPath expressions of JSON fields to hide. */
  bodyPaths: readonly string[];
}

/** Names compare ignoring case, `-` and `_`: `access_token`, `accessToken`, `Access-Token`. */
function fieldKey(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, '');
}

/** Names whose answer is remembered, per test: the same field names come back in every body. */
const REMEMBERED_NAMES = 1024;

/** `test`, remembering its answers for the first names it is asked about. */
function remembered(test: (name: string) => boolean): (name: string) => boolean {
  const answers = new Map<string, boolean>();
  return (name) => {
    let answer = answers.get(name);
    if (answer === undefined) {
      answer = test(name);
      if (answers.size < REMEMBERED_NAMES) answers.set(name, answer);
    }
    return answer;
  };
}

export function compileRules(options: RedactionOptions): RedactionRules {
  const headers = new Set([
    ...ALWAYS_REDACTED_HEADERS,
    ...options.headers.map((h) => h.toLowerCase()),
  ]);
  const queryParams = new Set(options.queryParams.map(fieldKey));
  const paths = options.bodyFields.filter((field) => field.startsWith('$'));
  const fields = new Set(
    options.bodyFields.filter((field) => !field.startsWith('$')).map(fieldKey),
  );
  return {
    placeholder: options.placeholder,
    header: (name) => headers.has(name.toLowerCase()),
    queryParam: remembered((name) => queryParams.has(fieldKey(name))),
    bodyField: remembered((name) => fields.has(fieldKey(name))),
    bodyPaths: paths,
  };
}
