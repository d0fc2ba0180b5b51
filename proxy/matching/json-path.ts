/**
 * JSONPath expressions (`$.timestamp`, `$.items[*].id`) over parsed JSON, with jsonpath-plus. Shared
 * by body matching (paths to ignore) and redaction (paths to hide). Script filters run in
 * jsonpath-plus's safe evaluator, never through `eval`.
 */
import { JSONPath } from 'jsonpath-plus';

/** Why an expression cannot be used, or undefined when it is fine. */
export function jsonPathProblem(expression: string): string | undefined {
  if (!expression.startsWith('$') || expression.trim() === '$') {
    return `"${expression}" is not a JSONPath to a field: it must start with "$" (such as "$.timestamp" or "$.items[*].id")`;
  }
  try {
    for (const segment of JSONPath.toPathArray(expression)) {
      // Filters and scripts only run where data exists: try them once on a probe to surface syntax errors.
      if (segment.startsWith('?(') || segment.startsWith('(')) {
        JSONPath({ path: `$[${segment}]`, json: [{}], ignoreEvalErrors: true });
      }
    }
    return undefined;
  } catch (error) {
    return `"${expression}" is not a valid JSONPath: ${(error as Error).message}`;
  }
}

/**
 * JSON Pointers (RFC 6901, `/items/0/id`) of every value the expressions select in `json`. The root
 * itself is never returned. Filters that fail on some value (a missing nested field) skip it.
 */
export function pointersAt(json: unknown, expressions: readonly string[]): Set<string> {
  const pointers = new Set<string>();
  if (json === null || typeof json !== 'object') return pointers;
  for (const path of expressions) {
    const found = JSONPath<string[]>({ path, json, resultType: 'pointer', ignoreEvalErrors: true });
    for (const pointer of found) if (pointer !== '') pointers.add(pointer);
  }
  return pointers;
}

/** The pointer of a child: `parent` plus the escaped key or index. */
export function childPointer(parent: string, key: string | number): string {
  return `${parent}/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`;
}

/** Removes the values at the given JSON Pointers from a parsed JSON value, in place. */
export function removePointers(json: unknown, pointers: ReadonlySet<string>): void {
  const paths = [...pointers].map((pointer) =>
    pointer
      .split('/')
      .slice(1)
      .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~')),
  );
  // Deepest and highest array indices first, so removing one never shifts another.
  paths.sort((a, b) => compareSegments(b, a));
  for (const segments of paths) {
    let parent: unknown = json;
    for (const segment of segments.slice(0, -1)) {
      parent =
        parent !== null && typeof parent === 'object'
          ? (parent as Record<string, unknown>)[segment]
          : undefined;
    }
    const last = segments[segments.length - 1];
    if (last === undefined) continue;
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else if (parent !== null && typeof parent === 'object')
      delete (parent as Record<string, unknown>)[last];
  }
}

function compareSegments(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x === y) continue;
    const numeric = /^\d+$/.test(x) && /^\d+$/.test(y);
    if (numeric) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}
