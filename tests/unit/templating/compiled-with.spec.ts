/**
 * Templates kept with the recorded response they belong to (`compiledWith`): however many a
 * cassette holds, each is compiled once while its response lives, and again once helpers change.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { HttpResponse } from '../../../proxy/cassette/cassette.model';
import { compiledWith, compileTemplate } from '../../../proxy/templating/compile-template';
import {
  registerCustomHelper,
  removeCustomHelper,
} from '../../../proxy/templating/custom/custom-helpers';
import { renderResponseTemplates } from '../../../proxy/templating/response-templates';

/** More than the cache by source keeps (compile-template.ts). */
const MANY = 1500;

const recorded = (text: string): HttpResponse => ({
  status: 200,
  headers: { 'x-n': '{{request.method}}' },
  body: { kind: 'text', text },
});

const request = { method: 'PUT', url: '/x', headers: {}, body: null };

afterAll(() => removeCustomHelper('keptShout'));

describe('compiledWith', () => {
  it('keeps a template compiled with its response past what the cache by source keeps', () => {
    const responses = Array.from({ length: MANY }, (_, i) => recorded(`{"i":${i},"m":"{{uuid}}"}`));
    const first = responses[0] as HttpResponse;
    const source = (first.body as { text: string }).text;
    const kept = compiledWith(first, source);
    const byCache = compileTemplate(source);
    for (const response of responses) {
      compiledWith(response, (response.body as { text: string }).text);
    }
    expect(compiledWith(first, source)).toBe(kept);
    // The cache by source dropped it meanwhile: compiling it again gives a new function.
    expect(compileTemplate(source)).not.toBe(byCache);
  });

  it('compiles again once a helper is added, and renders with it', async () => {
    const response = recorded('{{keptShout "a"}}');
    const source = (response.body as { text: string }).text;
    const before = compiledWith(response, source);
    const failed = renderResponseTemplates(response, request);
    expect('error' in failed && failed.error.message).toMatch(/keptShout/);
    await registerCustomHelper('keptShout', '(args) => String(args[0]).toUpperCase() + "!"');
    expect(compiledWith(response, source)).not.toBe(before);
    const rendered = renderResponseTemplates(response, request);
    expect('response' in rendered && rendered.response.body).toEqual({ kind: 'text', text: 'A!' });
    expect('response' in rendered && rendered.response.headers['x-n']).toBe('PUT');
  });
});
