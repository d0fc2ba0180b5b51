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
  for (const name of Object.keys(headers)) {
    const value = headers[name] ?? '';
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

type ParsedField = 'path' | 'pathSegments' | 'query' | 'cookies' | 'json';

/** What a parsed field holds until it is first read. */
const NOT_YET = Symbol('not computed yet');
/** Where the view keeps its URL parsed, beside its fields (no template can name a symbol). */
const URL_PARTS = Symbol('url parts');

interface Fields extends Record<keyof RequestView, unknown> {
  [URL_PARTS]: URL | undefined | typeof NOT_YET;
}

function urlParts(fields: Fields): URL | undefined {
  if (fields[URL_PARTS] === NOT_YET) fields[URL_PARTS] = parsedUrl(fields.url as string);
  return fields[URL_PARTS];
}

/** How each parsed field is computed from the view's other fields. */
const PARSERS = new Map<string | symbol, (fields: Fields) => unknown>([
  ['path', (fields) => urlParts(fields)?.pathname ?? fields.url],
  [
    'pathSegments',
    (fields) => (field(fields, 'path') as string).split('/').filter(Boolean).map(decoded),
  ],
  ['query', (fields) => queryOf(urlParts(fields))],
  ['cookies', (fields) => cookiesOf((fields.headers as Dictionary<string>)['cookie'])],
  ['json', (fields) => jsonOf(fields.body as string)],
]);

function field(fields: Fields, name: ParsedField): unknown {
  if (fields[name] === NOT_YET) fields[name] = PARSERS.get(name)?.(fields);
  return fields[name];
}

function computeOnRead(fields: Fields, key: string | symbol): void {
  if (PARSERS.has(key)) field(fields, key as ParsedField);
}

/**
 * The view's fields are own data properties of its target (Handlebars reads own properties only),
 * the parsed ones computed the first time anything reads them: a template, a helper, `JSON`.
 */
const COMPUTED_ON_READ: ProxyHandler<Fields> = {
  get(fields, key) {
    computeOnRead(fields, key);
    return fields[key as keyof Fields];
  },
  getOwnPropertyDescriptor(fields, key) {
    computeOnRead(fields, key);
    return Reflect.getOwnPropertyDescriptor(fields, key);
  },
};

/** The fields a URL gives a view, worked out once per parsed URL and shared (frozen). */
interface UrlFields {
  path: string;
  pathSegments: readonly string[];
  query: Readonly<Dictionary<string | readonly string[]>>;
}

/** The fields a header map gives a view, worked out once per frozen header map and shared. */
interface HeaderFields {
  headers: Readonly<Dictionary<string>>;
  cookies: Readonly<Dictionary<string>>;
}

const urlFieldsKept = new WeakMap<URL, UrlFields>();
const headerFieldsKept = new WeakMap<Headers, HeaderFields>();

function frozenQuery(url: URL): UrlFields['query'] {
  const query = queryOf(url);
  for (const value of Object.values(query)) if (Array.isArray(value)) Object.freeze(value);
  return Object.freeze(query);
}

function urlFieldsOf(url: URL): UrlFields {
  let fields = urlFieldsKept.get(url);
  if (fields === undefined) {
    const path = url.pathname;
    fields = {
      path,
      pathSegments: Object.freeze(path.split('/').filter(Boolean).map(decoded)),
      query: frozenQuery(url),
    };
    urlFieldsKept.set(url, fields);
  }
  return fields;
}

function headerFieldsOf(headers: Headers): HeaderFields {
  let fields = headerFieldsKept.get(headers);
  if (fields === undefined) {
    const view = headerView(headers);
    fields = { headers: Object.freeze(view), cookies: Object.freeze(cookiesOf(view['cookie'])) };
    headerFieldsKept.set(headers, fields);
  }
  return fields;
}

/**
 * The view of a request that repeats (the replay fast path's: its URL parsed once, its header map
 * frozen, no body), every field worked out already, the URL's and the headers' kept from the last
 * time: a plain object, which templates read faster than the lazy view.
 */
function repeatedRequestView(request: TemplateRequest & { parsedUrl: URL }): RequestView {
  const { path, pathSegments, query } = urlFieldsOf(request.parsedUrl);
  const { headers, cookies } = headerFieldsOf(request.headers);
  return {
    method: request.method,
    url: request.url,
    headers,
    body: '',
    path,
    pathSegments,
    query,
    cookies,
    json: undefined,
  } as RequestView;
}

export function requestView(request: TemplateRequest | null | undefined): RequestView {
  const body = bodyTextOf(request?.body ?? null);
  if (request?.parsedUrl !== undefined && body === '' && Object.isFrozen(request.headers)) {
    return repeatedRequestView(request as TemplateRequest & { parsedUrl: URL });
  }
  const fields: Fields = {
    method: request?.method ?? '',
    url: request?.url ?? '',
    headers: headerView(request?.headers ?? {}),
    body,
    path: NOT_YET,
    pathSegments: NOT_YET,
    query: NOT_YET,
    cookies: NOT_YET,
    json: NOT_YET,
    [URL_PARTS]: request?.parsedUrl ?? NOT_YET,
  };
  return new Proxy(fields, COMPUTED_ON_READ) as unknown as RequestView;
}

/** The fields of a view but `json`, as a plain object: what the custom-helper sandbox is given. */
export function requestSnapshot(view: RequestView): Omit<RequestView, 'json'> {
  const { method, url, headers, body, path, pathSegments, query, cookies } = view;
  return { method, url, headers, body, path, pathSegments, query, cookies };
}
