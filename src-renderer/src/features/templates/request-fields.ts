/** The `request` object templates read, for completion and hover. */

export interface RequestField {
  name: string;
  description: string;
}

export const REQUEST_FIELDS: readonly RequestField[] = [
  { name: 'method', description: 'The method: GET, POST…' },
  { name: 'url', description: 'The URL as the client sent it.' },
  { name: 'path', description: 'The path, without the query.' },
  { name: 'pathSegments', description: 'The path split on `/`: `request.pathSegments.[1]`.' },
  { name: 'query', description: 'Query parameters by name; a repeated one is a list.' },
  { name: 'headers', description: 'Header values by lower-case name (repeated ones joined).' },
  { name: 'cookies', description: 'Cookies by name, from the `cookie` header.' },
  { name: 'body', description: 'The body as text (`` when there is none or it is binary).' },
  { name: 'json', description: 'The body parsed as JSON (nothing when it is not JSON).' },
];

/** The keys the sample offers under `request.<field>.`, for completion. */
export function sampleKeys(sample: unknown, field: string): string[] {
  const request = (sample as { request?: Record<string, unknown> } | null)?.request;
  if (request === undefined || request === null) return [];
  if (field === 'headers') return Object.keys((request.headers ?? {}) as object);
  if (field === 'query' && typeof request.url === 'string') {
    try {
      return [...new URL(request.url, 'http://localhost').searchParams.keys()];
    } catch {
      return [];
    }
  }
  if (field === 'json' && typeof request.body === 'string') {
    try {
      const parsed: unknown = JSON.parse(request.body);
      return parsed !== null && typeof parsed === 'object' ? Object.keys(parsed) : [];
    } catch {
      return [];
    }
  }
  if (field === 'cookies') {
    const headers = (request.headers ?? {}) as Record<string, unknown>;
    const cookie = typeof headers.cookie === 'string' ? headers.cookie : '';
    return cookie
      .split(';')
      .map((pair) => pair.split('=')[0]?.trim() ?? '')
      .filter(Boolean);
  }
  return [];
}
