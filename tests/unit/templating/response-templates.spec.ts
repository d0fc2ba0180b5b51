import { describe, expect, it } from 'vitest';
import type { HttpResponse } from '../../../proxy/cassette/cassette.model';
import {
  hasTemplates,
  renderResponseTemplates,
  responseHasTemplates,
} from '../../../proxy/templating/response-templates';
import type { TemplateRequest } from '../../../proxy/templating/templating.model';

const request: TemplateRequest = {
  method: 'GET',
  url: '/orders/9',
  headers: { 'x-id': 'abc' },
  body: null,
};

function response(text: string, headers: HttpResponse['headers'] = {}): HttpResponse {
  return {
    status: 200,
    headers: { 'content-type': 'application/json', ...headers },
    body: { kind: 'text', text },
  };
}

describe('response templates', () => {
  it('detects templates the way Magneto-Serge does', () => {
    expect(hasTemplates('{"a": "{{ now }}"}')).toBe(true);
    expect(hasTemplates('{"a": 1}')).toBe(false);
    expect(hasTemplates('}} then {{')).toBe(false);
    expect(hasTemplates('{{ unterminated')).toBe(false);
    expect(responseHasTemplates(response('plain'))).toBe(false);
    expect(responseHasTemplates(response('{{uuid}}'))).toBe(true);
    expect(responseHasTemplates(response('plain', { 'x-id': '{{uuid}}' }))).toBe(true);
    expect(responseHasTemplates(response('plain', { 'set-cookie': ['a=1', 'b={{uuid}}'] }))).toBe(
      true,
    );
    const binary: HttpResponse = {
      status: 200,
      headers: {},
      body: { kind: 'binary', base64: 'e3t1dWlkfX0=' },
    };
    expect(responseHasTemplates(binary)).toBe(false);
  });

  it('renders body and header values, fixes content-length and drops the stale wire copy', () => {
    const recorded: HttpResponse = {
      status: 201,
      headers: {
        'content-type': 'application/json',
        'content-length': '999',
        'x-echo': '{{request.headers.x-id}}',
        'set-cookie': ['s={{pathSegment 1}}', 'plain=1'],
      },
      body: {
        kind: 'text',
        text: '{"path":"{{request.path}}","é":"{{request.method}}"}',
        contentEncoding: 'gzip',
        wireBase64: 'AAAA',
        truncated: true,
      },
    };
    const result = renderResponseTemplates(recorded, request);
    if (!('response' in result)) throw result.error;
    const text = '{"path":"/orders/9","é":"GET"}';
    expect(result.response.body).toEqual({ kind: 'text', text, contentEncoding: 'gzip' });
    expect(result.response.headers).toEqual({
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(text)),
      'x-echo': 'abc',
      'set-cookie': ['s=9', 'plain=1'],
    });
    expect(result.response.status).toBe(201);
    expect(recorded.headers['content-length']).toBe('999');
  });

  it('leaves binary bodies and untemplated responses as they are', () => {
    const binary: HttpResponse = {
      status: 200,
      headers: { 'content-length': '8' },
      body: { kind: 'binary', base64: 'e3t1dWlkfX0=' },
    };
    const result = renderResponseTemplates(binary, request);
    expect('response' in result && result.response.body).toBe(binary.body);
    expect('response' in result && result.response.headers).toEqual({ 'content-length': '8' });
  });

  it('returns a typed error instead of throwing', () => {
    const result = renderResponseTemplates(response('{{#repeat 1000000000}}x{{/repeat}}'), request);
    expect('error' in result && result.error.code).toBe('iteration-limit');
    const syntax = renderResponseTemplates(response('ok', { 'x-bad': '{{#if}}' }), request);
    expect('error' in syntax && syntax.error.code).toBe('syntax');
  });

  it('gives the header and the body of one response the same clock', () => {
    const result = renderResponseTemplates(response('{{now}}', { date: '{{now}}' }), request);
    if (!('response' in result)) throw result.error;
    const body = result.response.body;
    expect(body?.kind === 'text' && body.text).toBe(result.response.headers['date']);
  });
});
