/**
 * The `request` object templates see: the raw fields Magneto-Serge exposes (method, url, headers,
 * body) plus parsed ones (path, pathSegments, query, cookies, json), computed on first use.
 * Maps have no prototype, so header or parameter names such as `__proto__` stay plain keys.
 */
import type { Headers } from '../cassette/cassette.model';
import type { TemplateRequest } from './templating.model';

type Dictionary<T> = Record<string, T>;

export interface RequestView {
  method: string;
  url: string;
  /** Header values by lower-case name; repeated values joined with ", ". */
  headers: Dictionary<string>;
  /** The body as text ('' when there is none or it is binary). */
  body: string;
  path: string;
  pathSegments: string[];
  /** Query parameters; a repeated parameter gives an array. */
  query: Dictionary<string | string[]>;
  cookies: Dictionary<string>;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

function dictionary<T>(): Dictionary<T> {
  return Object.create(null) as Dictionary<T>;
}

function headerView(headers: Headers): Dictionary<string> {
  const view = dictionary<string>();
  for (const [name, value] of Object.entries(headers)) {
    const key = name.toLowerCase();
    view[key] = Array.isArray(value) ? value.join(key === 'cookie' ? '; ' : ', ') : value;
  }
  return view;
}

function bodyTextOf(body: TemplateRequest['body']): string {
  if (body === null) return '';
  if (typeof body === 'string') return body;
  return body.kind === 'text' ? body.text : '';
}

function parsedUrl(url: string): URL | undefined {
  try {
    return new URL(url, 'http://localhost');
  } catch {
    return undefined;
  }
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function queryOf(url: URL | undefined): Dictionary<string | string[]> {
  const query = dictionary<string | string[]>();
  for (const [name, value] of url?.searchParams ?? []) {
    const existing = query[name];
    if (existing === undefined) query[name] = value;
    else query[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return query;
}

function cookiesOf(cookieHeader: string | undefined): Dictionary<string> {
  const cookies = dictionary<string>();
  for (const pair of (cookieHeader ?? '').split(';')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const name = pair.slice(0, eq).trim();
    if (name !== '' && cookies[name] === undefined)
      cookies[name] = decoded(pair.slice(eq + 1).trim());
  }
  return cookies;
}

function jsonOf(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Defines `key` as a value computed on first read, then kept (an own property, as Handlebars wants). */
function lazy(target: object, key: string, compute: () => unknown): void {
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = compute();
      Object.defineProperty(target, key, { value, enumerable: true });
      return value;
    },
  });
}

export function requestView(request: TemplateRequest | null | undefined): RequestView {
  const method = request?.method ?? '';
  const url = request?.url ?? '';
  const headers = headerView(request?.headers ?? {});
  const body = bodyTextOf(request?.body ?? null);
  const view = { method, url, headers, body } as RequestView;
  let urlParts: URL | undefined | null = null;
  const urlOnce = () => (urlParts === null ? (urlParts = parsedUrl(url)) : urlParts);
  lazy(view, 'path', () => urlOnce()?.pathname ?? url);
  lazy(view, 'pathSegments', () => view.path.split('/').filter(Boolean).map(decoded));
  lazy(view, 'query', () => queryOf(urlOnce()));
  lazy(view, 'cookies', () => cookiesOf(headers['cookie']));
  lazy(view, 'json', () => jsonOf(body));
  return view;
}

/** The plain fields of a view, for code that must not see getters (the custom-helper sandbox). */
export function requestSnapshot(view: RequestView): Omit<RequestView, 'json'> {
  const { method, url, headers, body, path, pathSegments, query, cookies } = view;
  return { method, url, headers, body, path, pathSegments, query, cookies };
}
