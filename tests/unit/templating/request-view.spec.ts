import { describe, expect, it } from 'vitest';
import { requestView } from '../../../proxy/templating/request-view';
import { renderTemplate } from '../../../proxy/templating/render-template';
import type { TemplateRequest } from '../../../proxy/templating/templating.model';

const url = 'http://api.test/a%20b/c?tag=x&tag=y&q=1';
const headers = { Host: 'api.test', cookie: 'sid=abc; theme=dark%20blue', 'x-id': ['1', '2'] };
const FIELDS = ['method', 'url', 'headers', 'body', 'path', 'pathSegments', 'query', 'cookies'];

/** The request as the replay fast path gives it: URL parsed once, frozen header map, no body. */
function repeated(): TemplateRequest {
  return {
    method: 'GET',
    url,
    parsedUrl: new URL(url),
    headers: Object.freeze(headers),
    body: null,
  };
}

describe('requestView', () => {
  it('gives a repeating request the same fields as the lazy view', () => {
    const lazy = requestView({ method: 'GET', url, headers, body: null });
    const plain = requestView(repeated());
    for (const field of [...FIELDS, 'json'] as const) {
      expect(plain[field as keyof typeof plain], field).toEqual(lazy[field as keyof typeof lazy]);
    }
    expect(plain.pathSegments).toEqual(['a b', 'c']);
    expect(plain.query).toEqual({ tag: ['x', 'y'], q: '1' });
    expect(plain.cookies).toEqual({ sid: 'abc', theme: 'dark blue' });
    expect(plain.headers['x-id']).toBe('1, 2');
  });

  it('shares the worked-out fields of a repeating request only frozen', () => {
    const request = repeated();
    const first = requestView(request);
    const second = requestView(request);
    expect(second.query).toBe(first.query);
    expect(second.headers).toBe(first.headers);
    for (const shared of [first.headers, first.query, first.query['tag'], first.cookies]) {
      expect(Object.isFrozen(shared)).toBe(true);
    }
    expect(Object.isFrozen(first.pathSegments)).toBe(true);
  });

  it('renders the same text from either view', () => {
    const template =
      '{{request.method}} {{request.path}} {{request.query.q}} {{request.cookies.theme}} ' +
      '{{header "x-id"}} {{request.pathSegments.[0]}} [{{request.body}}]';
    const lazy = renderTemplate(template, { method: 'GET', url, headers, body: null });
    expect(renderTemplate(template, repeated())).toBe(lazy);
    expect(lazy).toBe('GET /a%20b/c 1 dark blue 1, 2 a b []');
  });

  it('keeps the lazy view for a request with a body or headers that may change', () => {
    const withBody = requestView({ ...repeated(), body: '{"a":1}' });
    expect(withBody.json).toEqual({ a: 1 });
    const open = requestView({ ...repeated(), headers: { ...headers } });
    expect(open.headers).not.toBe(requestView(repeated()).headers);
  });
});
