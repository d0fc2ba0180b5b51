import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { HttpResponse } from '../../../proxy/cassette/cassette.model';
import { mergeRuntimeOptions, resolveEngineOptions } from '../../../proxy/engine/engine-options';
import { isTemplated, wireResponse } from '../../../proxy/engine/replay-wire';
import {
  replayWire,
  sequencesOf,
  templateErrorSummary,
  templateErrorText,
  TEMPLATE_REQUEST_BODY_LIMIT,
  type TemplateContext,
} from '../../../proxy/engine/template-replay';
import { TemplateRenderError } from '../../../proxy/templating/errors';
import { SequenceCounters } from '../../../proxy/templating/sequence-counters';
import { MemoryCassetteStore } from '../../support/memory-cassette-store';

function context(body = '', headers: Record<string, string> = {}): TemplateContext {
  return {
    cassette: 'unit',
    sequences: new SequenceCounters(),
    envAllowList: ['MAGNETO_*'],
    request: {
      method: 'POST',
      url: 'http://api.test/orders?page=2',
      headers: { host: 'api.test', ...headers },
      body: Buffer.from(body),
    },
  };
}

function response(text: string, headers: Record<string, string> = {}): HttpResponse {
  return {
    status: 200,
    headers: { 'content-type': 'application/json', ...headers },
    body: { kind: 'text', text },
  };
}

function bodyOf(wire: ReturnType<typeof replayWire>): string {
  if (wire instanceof TemplateRenderError) throw wire;
  return wire.body?.toString('utf8') ?? '';
}

describe('replay of response templates', () => {
  it('keeps the cached wire form for responses without templates', () => {
    const plain = response('{"a":1}', { 'x-note': 'just {{ half' });
    expect(isTemplated(plain)).toBe(false);
    // Kept from the second replay on (a response replayed once is not worth keeping).
    const first = replayWire(plain, undefined, context());
    const wire = replayWire(plain, undefined, context());
    expect(wire).toEqual(first);
    expect(wire).toBe(wireResponse(plain, undefined));
    expect(replayWire(plain, undefined, context())).toBe(wire);
  });

  it('renders templated responses afresh for each request, with the request in context', () => {
    const templated = response(
      '{"n":{{sequence "n"}},"path":"{{request.path}}","q":"{{request.query.page}}"}',
    );
    expect(isTemplated(templated)).toBe(true);
    const shared = context();
    expect(bodyOf(replayWire(templated, undefined, shared))).toBe(
      '{"n":1,"path":"/orders","q":"2"}',
    );
    expect(bodyOf(replayWire(templated, undefined, shared))).toBe(
      '{"n":2,"path":"/orders","q":"2"}',
    );
    expect(templated.body).toEqual({ kind: 'text', text: expect.stringContaining('{{sequence') });
  });

  it('decodes a gzip request body for templates, and gives none above the limit', () => {
    const echo = response('{"name":"{{jsonPath request.body "$.name"}}"}');
    const gzipped = context('', { 'content-encoding': 'gzip' });
    gzipped.request.body = zlib.gzipSync('{"name":"Ada"}');
    expect(bodyOf(replayWire(echo, undefined, gzipped))).toBe('{"name":"Ada"}');
    const huge = context();
    huge.request.body = Buffer.alloc(TEMPLATE_REQUEST_BODY_LIMIT + 1, ' ');
    expect(bodyOf(replayWire(response('[{{requestBody}}]'), undefined, huge))).toBe('[]');
  });

  it('re-encodes a rendered body with the recorded coding when the client accepts it', () => {
    const recorded: HttpResponse = {
      status: 200,
      headers: { 'content-encoding': 'br', 'content-length': '12' },
      body: {
        kind: 'text',
        text: '{{request.method}} ok',
        contentEncoding: 'br',
        wireBase64: 'AAAA',
      },
    };
    const encoded = replayWire(recorded, 'gzip, br', context());
    if (encoded instanceof TemplateRenderError) throw encoded;
    expect(encoded.headers['content-encoding']).toBe('br');
    expect(encoded.headers['content-length']).toBe(String(encoded.body?.length));
    expect(zlib.brotliDecompressSync(encoded.body!).toString()).toBe('POST ok');
    const identity = replayWire(recorded, 'gzip', context());
    if (identity instanceof TemplateRenderError) throw identity;
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.headers['content-length']).toBe('7');
  });

  it('gives the error of a failing template, explained with its position', () => {
    const error = replayWire(response('{\n  "a": {{#if x}}'), undefined, context());
    expect(error).toBeInstanceOf(TemplateRenderError);
    const failure = error as TemplateRenderError;
    expect(failure.code).toBe('syntax');
    const text = templateErrorText(failure, 'i7');
    expect(text).toContain('interaction i7 could not be rendered');
    expect(text).toContain('Error: syntax');
    expect(text).toMatch(/Position: line 2, column \d+/);
    expect(templateErrorSummary(failure, 'i7')).toMatch(
      /^response template of interaction i7 failed \(syntax\) at line 2/,
    );

    const helper = replayWire(response('{{jsonPath "{" "$.a"}}'), undefined, context());
    const helperText = templateErrorText(helper as TemplateRenderError, 'i8');
    expect(helperText).toContain('Helper: jsonPath');
    expect(helperText).not.toContain('Position:');
    expect(templateErrorSummary(helper as TemplateRenderError, 'i8')).toBe(
      'response template of interaction i8 failed (helper-failed): jsonPath: the value is not JSON',
    );
  });

  it('keeps one set of sequence counters per session', () => {
    const session = {};
    expect(sequencesOf(session)).toBe(sequencesOf(session));
    expect(sequencesOf({})).not.toBe(sequencesOf(session));
  });
});

describe('templateEnvAllowList option', () => {
  const base = { dataDir: '/tmp/x', store: new MemoryCassetteStore() };

  it('defaults to MAGNETO_* and can be changed while running', () => {
    const { runtime } = resolveEngineOptions(base);
    expect(runtime.templateEnvAllowList).toEqual(['MAGNETO_*']);
    const changed = mergeRuntimeOptions(runtime, { templateEnvAllowList: ['API_*'] });
    expect(changed.templateEnvAllowList).toEqual(['API_*']);
    expect(
      mergeRuntimeOptions(changed, { latency: { mode: 'none' } }).templateEnvAllowList,
    ).toEqual(['API_*']);
  });

  it('refuses empty patterns', () => {
    expect(() => resolveEngineOptions({ ...base, templateEnvAllowList: [''] })).toThrow(
      /templateEnvAllowList\.0: Expected a variable name or glob pattern/,
    );
  });
});
