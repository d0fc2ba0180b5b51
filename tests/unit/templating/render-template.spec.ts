import { describe, expect, it } from 'vitest';
import { TemplateRenderError } from '../../../proxy/templating/errors';
import { renderTemplate } from '../../../proxy/templating/render-template';
import { SequenceCounters } from '../../../proxy/templating/sequence-counters';
import type { TemplateRequest } from '../../../proxy/templating/templating.model';

const request: TemplateRequest = {
  method: 'PUT',
  url: 'http://localhost:8888/api/items/7?x=1',
  headers: { 'x-user-id': 'u"<1>', 'x-multi': ['a', 'b'], cookie: ['a=1', 'b=2'] },
  body: { kind: 'text', text: '{"user":{"id":7},"tags":["x","y"]}' },
};
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('renderTemplate', () => {
  it('renders the Magneto-Serge helpers and request fields', () => {
    const before = Date.now();
    const out = renderTemplate(
      '{{ now }}|{{ now_timestamp }}|{{ uuid }}|{{ request.method }}|{{ request.url }}|{{ request.headers.x-user-id }}|{{ request.body }}',
      request,
    );
    const [now = '', unix = '', uuid = '', method, url, user, body] = out.split('|');
    expect(Date.parse(now)).toBeGreaterThanOrEqual(before - 1);
    expect(now).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Math.abs(Number(unix) - Date.now() / 1000)).toBeLessThan(5);
    expect(uuid).toMatch(UUID_V4);
    expect([method, url, user, body]).toEqual([
      'PUT',
      request.url,
      'u"<1>',
      '{"user":{"id":7},"tags":["x","y"]}',
    ]);
  });

  it('does not HTML-escape and renders objects and arrays as JSON', () => {
    expect(renderTemplate('{{request.headers.x-user-id}}', request)).toBe('u"<1>');
    expect(renderTemplate('{{request.json.user}} {{request.json.tags}}', request)).toBe(
      '{"id":7} ["x","y"]',
    );
    expect(renderTemplate('{{request.headers.x-multi}}', request)).toBe('a, b');
    expect(renderTemplate('{{request.cookies.b}}', request)).toBe('2');
  });

  it('reads "}}}" after an expression as "}}" and a brace, like Magneto-Serge', () => {
    expect(renderTemplate('{"id":{{request.json.user.id}}}', request)).toBe('{"id":7}');
    expect(renderTemplate('{"a":{"b":{{add 1 1}}}}', request)).toBe('{"a":{"b":2}}');
    expect(renderTemplate('{{{request.headers.x-user-id}}}', request)).toBe('u"<1>');
    expect(renderTemplate('{{concat "}}}" "x"}}}', request)).toBe('}}}x}');
  });

  it('reads environment variables only through the allow list', () => {
    const env = { MAGNETO_TOKEN: 'ok', SECRET: 'no', APP_KEY: 'k' };
    expect(renderTemplate('{{env "MAGNETO_TOKEN"}}|{{env "SECRET"}}', null, { env })).toBe('ok|');
    expect(renderTemplate('{{env "APP_KEY"}}', null, { env, envAllowList: ['APP_*'] })).toBe('k');
    expect(renderTemplate('{{env "MAGNETO_TOKEN"}}', null, { env, envAllowList: ['APP_*'] })).toBe(
      '',
    );
  });

  it('gives the same output for the same seed and another for another seed', () => {
    const template =
      '{{uuid}} {{nanoid}} {{randomInt 1 1000000}} {{randomString 16}} {{fakeName}} {{faker "internet.email"}} {{pick "a" "b" "c" "d"}}';
    const first = renderTemplate(template, null, { seed: 'alpha', now: 0 });
    expect(renderTemplate(template, null, { seed: 'alpha', now: 0 })).toBe(first);
    expect(renderTemplate(template, null, { seed: 'beta', now: 0 })).not.toBe(first);
    expect(renderTemplate(template, null)).not.toBe(renderTemplate(template, null));
  });

  it('keeps sequence counters per cassette', () => {
    const sequences = new SequenceCounters();
    const next = (cassette: string) =>
      renderTemplate('{{sequence "n"}}', null, { cassette, sequences });
    expect([next('a'), next('a'), next('b'), next('a')]).toEqual(['1', '2', '1', '3']);
    sequences.reset('a');
    expect(next('a')).toBe('1');
  });

  it('uses one clock for the whole render', () => {
    const out = renderTemplate('{{now}}|{{now}}|{{timestamp}}', null);
    const [a, b, ms] = out.split('|');
    expect(a).toBe(b);
    expect(Date.parse(a ?? '')).toBe(Number(ms));
  });

  it('throws typed errors for bad templates and bad helper arguments', () => {
    const attempt = (template: string) => {
      try {
        renderTemplate(template, request);
      } catch (error) {
        return error as TemplateRenderError;
      }
      throw new Error('expected a failure');
    };
    expect(attempt('{{#if x}}')).toMatchObject({ code: 'syntax', line: 1 });
    expect(attempt('{{nope 1}}')).toMatchObject({ code: 'unknown-helper', helper: 'nope' });
    const bad = attempt('{{dateAdd "not a date" "+1d"}}');
    expect(bad).toBeInstanceOf(TemplateRenderError);
    expect(bad).toMatchObject({ code: 'helper-failed', helper: 'dateAdd' });
    expect(bad.message).toContain('"not a date" is not a date');
    expect(attempt('{{divide 1 0}}').message).toBe('divide: division by zero');
    expect(attempt('{{faker "helpers.arrayElement"}}').message).toContain(
      'not an allowed faker method',
    );
    expect(attempt('{{jsonPath "{oops" "$.a"}}').message).toBe('jsonPath: the value is not JSON');
  });
});
