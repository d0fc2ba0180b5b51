/**
 * What differs between a recorded request and an incoming one, under the matching options, and
 * how far apart that puts them. Only what the options compare can differ.
 */
import type { Headers } from '../cassette/cassette.model';
import { headerValues } from '../cassette/headers';
import type { ComparableBody } from './comparable-body';
import { diffJson } from './json-diff';
import type { RequestDifference } from './matching.model';
import type { BodyMatchMode, MatchingOptions } from './matching-options';
import type { PreparedRequest } from './prepared-request';

/** Body differences listed at most; one more entry says there were others. */
const BODY_DIFFERENCES_SHOWN = 10;
const PREVIEW_LENGTH = 60;

/** Values of a required header, trimmed; they must be equal, in order, to match. */
export function requiredHeaderValues(headers: Headers, name: string): string[] {
  return headerValues(headers, name).map((value) => value.trim());
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/** Whether every named header has the same values on both sides. */
export function headersMatch(
  expected: Headers,
  actual: Headers,
  names: readonly string[],
): boolean {
  return names.every((name) =>
    sameList(requiredHeaderValues(expected, name), requiredHeaderValues(actual, name)),
  );
}

function present(values: readonly string[]): string | undefined {
  return values.length === 0 ? undefined : values.join(', ');
}

function groupQuery(query: ReadonlyArray<[string, string]>): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const [name, value] of query) {
    const values = groups.get(name);
    if (values === undefined) groups.set(name, [value]);
    else values.push(value);
  }
  return groups;
}

function queryDifferences(expected: PreparedRequest, actual: PreparedRequest): RequestDifference[] {
  const recorded = groupQuery(expected.url.query);
  const incoming = groupQuery(actual.url.query);
  const out: RequestDifference[] = [];
  for (const [name, values] of recorded) {
    const got = incoming.get(name);
    if (got === undefined) {
      out.push({ field: 'query', name, expected: present(values), note: 'missing' });
    } else if (!sameList(values, got)) {
      out.push({ field: 'query', name, expected: present(values), actual: present(got) });
    }
  }
  for (const [name, values] of incoming) {
    if (!recorded.has(name)) {
      out.push({ field: 'query', name, actual: present(values), note: 'unexpected' });
    }
  }
  return out;
}

function headerDifferences(
  expected: PreparedRequest,
  actual: PreparedRequest,
  names: readonly string[],
): RequestDifference[] {
  const out: RequestDifference[] = [];
  for (const name of names) {
    const recorded = requiredHeaderValues(expected.headers, name);
    const incoming = requiredHeaderValues(actual.headers, name);
    if (sameList(recorded, incoming)) continue;
    const difference: RequestDifference = { field: 'header', name };
    const e = present(recorded);
    const a = present(incoming);
    if (e !== undefined) difference.expected = e;
    if (a !== undefined) difference.actual = a;
    if (a === undefined) difference.note = 'missing';
    else if (e === undefined) difference.note = 'unexpected';
    out.push(difference);
  }
  return out;
}

/** Method, scheme, host, path, query and header differences: everything but the body. */
export function structuralDifferences(
  expected: PreparedRequest,
  actual: PreparedRequest,
  options: MatchingOptions,
): RequestDifference[] {
  const out: RequestDifference[] = [];
  if (options.method && expected.method !== actual.method) {
    out.push({ field: 'method', expected: expected.method, actual: actual.method });
  }
  const e = expected.url;
  const a = actual.url;
  if (e.scheme !== a.scheme) out.push({ field: 'scheme', expected: e.scheme, actual: a.scheme });
  if (e.host !== a.host) out.push({ field: 'host', expected: e.host, actual: a.host });
  if (e.path !== a.path) out.push({ field: 'path', expected: e.path, actual: a.path });
  out.push(...queryDifferences(expected, actual));
  out.push(...headerDifferences(expected, actual, options.headers));
  return out;
}

function preview(body: ComparableBody): string | undefined {
  if (body.bytes.byteLength === 0) return undefined;
  const text = body.text;
  if (text === undefined) return `(${body.bytes.byteLength} bytes of binary data)`;
  return text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH - 1)}…` : text;
}

function wholeBodyDifference(expected: ComparableBody, actual: ComparableBody): RequestDifference {
  const difference: RequestDifference = {
    field: 'body',
    note: `recorded ${expected.bytes.byteLength} bytes, received ${actual.bytes.byteLength} bytes`,
  };
  const e = preview(expected);
  const a = preview(actual);
  if (e !== undefined) difference.expected = e;
  if (a !== undefined) difference.actual = a;
  return difference;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && a.every((byte, i) => byte === b[i]);
}

/** Body differences under `mode`: JSON fields in the JSON modes, else the body as a whole. */
export function bodyDifferences(
  expected: ComparableBody,
  actual: ComparableBody,
  mode: BodyMatchMode,
): RequestDifference[] {
  if (mode === 'ignore') return [];
  if (mode !== 'exact') {
    const e = expected.json();
    const a = actual.json();
    if (e !== undefined && a !== undefined) {
      const found = diffJson(e.value, a.value, mode === 'json-partial', BODY_DIFFERENCES_SHOWN + 1);
      const shown: RequestDifference[] = found
        .slice(0, BODY_DIFFERENCES_SHOWN)
        .map(({ path, ...rest }) => ({ field: 'body', name: path, ...rest }));
      if (found.length > BODY_DIFFERENCES_SHOWN) {
        shown.push({ field: 'body', note: 'more body differences not shown' });
      }
      return shown;
    }
  }
  return sameBytes(expected.bytes, actual.bytes) ? [] : [wholeBodyDifference(expected, actual)];
}

const WEIGHTS: Readonly<Record<RequestDifference['field'], number>> = {
  method: 12,
  scheme: 8,
  host: 40,
  path: 20,
  query: 3,
  header: 4,
  body: 3,
};

/** Total weight a field may add, so that many small differences never outweigh a path. */
const CAPS: Readonly<Record<RequestDifference['field'], number>> = {
  method: 12,
  scheme: 8,
  host: 40,
  path: 20,
  query: 15,
  header: 16,
  body: 15,
};

/** How many path segments differ, position by position (at most 10). */
function pathSegmentDistance(expected: string, actual: string): number {
  const e = expected.split('/');
  const a = actual.split('/');
  let differing = Math.abs(e.length - a.length);
  for (let i = 0; i < Math.min(e.length, a.length); i++) if (e[i] !== a[i]) differing++;
  return Math.min(differing, 10);
}

/**
 * Distance of a recorded request from an incoming one: 0 when nothing differs. A different host
 * or path weighs more than any number of query differences, or of header differences, alone.
 */
export function distanceOf(
  differences: readonly RequestDifference[],
  expected: PreparedRequest,
  actual: PreparedRequest,
): number {
  const totals = new Map<RequestDifference['field'], number>();
  for (const { field } of differences) totals.set(field, (totals.get(field) ?? 0) + WEIGHTS[field]);
  let distance = 0;
  for (const [field, total] of totals) distance += Math.min(total, CAPS[field]);
  if (totals.has('path')) distance += pathSegmentDistance(expected.url.path, actual.url.path);
  return distance;
}
