/** Structural JSON comparison: a canonical form for equality, and field-level differences. */

/** A JSON value written with object keys sorted, so equal values give equal strings. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface JsonDifference {
  /** JSONPath of the field: `$.items[0].qty`. */
  path: string;
  /** JSON text of the recorded value, absent when the recording lacks the field. */
  expected?: string;
  /** JSON text of the incoming value, absent when the request lacks the field. */
  actual?: string;
  note?: string;
}

const SHOWN_LENGTH = 120;

function shown(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > SHOWN_LENGTH ? `${text.slice(0, SHOWN_LENGTH - 1)}…` : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

/**
 * Differences between a recorded JSON value (`expected`) and an incoming one (`actual`), at most
 * `limit` of them. With `partial`, only the recorded fields count: extra incoming fields and extra
 * array items are fine.
 */
export function diffJson(
  expected: unknown,
  actual: unknown,
  partial: boolean,
  limit: number,
): JsonDifference[] {
  const out: JsonDifference[] = [];
  const visit = (e: unknown, a: unknown, path: string): void => {
    if (out.length >= limit) return;
    if (isRecord(e) && isRecord(a)) {
      for (const key of Object.keys(e)) {
        const p = childPath(path, key);
        if (!Object.hasOwn(a, key)) out.push({ path: p, expected: shown(e[key]), note: 'missing' });
        else visit(e[key], a[key], p);
        if (out.length >= limit) return;
      }
      if (partial) return;
      for (const key of Object.keys(a)) {
        if (Object.hasOwn(e, key)) continue;
        out.push({ path: childPath(path, key), actual: shown(a[key]), note: 'unexpected' });
        if (out.length >= limit) return;
      }
      return;
    }
    if (Array.isArray(e) && Array.isArray(a)) {
      const length = partial ? e.length : Math.max(e.length, a.length);
      for (let i = 0; i < length && out.length < limit; i++) {
        const p = childPath(path, i);
        if (i >= a.length) out.push({ path: p, expected: shown(e[i]), note: 'missing' });
        else if (i >= e.length) out.push({ path: p, actual: shown(a[i]), note: 'unexpected' });
        else visit(e[i], a[i], p);
      }
      return;
    }
    if (canonicalJson(e) !== canonicalJson(a)) {
      out.push({ path, expected: shown(e), actual: shown(a) });
    }
  };
  visit(expected, actual, '$');
  return out;
}
