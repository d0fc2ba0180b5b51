import { describe, expect, it } from 'vitest';
import { validateTemplate } from '../../../proxy/templating/validate-template';

describe('validateTemplate', () => {
  it('accepts a good template and previews it with the sample data', () => {
    const result = validateTemplate(
      '{"user": {{toJson request.headers.x-user}}, "page": {{default request.query.page 1}}, "v": "{{version}}"}',
      { request: { url: '/x?page=4', headers: { 'X-User': 'ada' } }, variables: { version: 'v2' } },
      { contentType: 'application/json; charset=utf-8' },
    );
    expect(result).toEqual({
      valid: true,
      errors: [],
      preview: '{"user": "ada", "page": 4, "v": "v2"}',
      usedVariables: ['request.headers.x-user', 'request.query.page', 'version'],
    });
  });

  it('reports syntax errors with their line and column', () => {
    const result = validateTemplate('{\n  "a": {{now format="x"\n}');
    expect(result.valid).toBe(false);
    expect(result.preview).toBe('');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      kind: 'syntax',
      line: 3,
      column: 1,
      origin: 'template',
    });
    expect(result.errors[0]?.message).toMatch(/^syntax error on line 3, column 1: unexpected/);
    const block = validateTemplate('a\n{{#if x}}b{{/each}}');
    expect(block.errors[0]).toMatchObject({ kind: 'syntax', line: 2 });
    expect(block.errors[0]?.message).toContain("if doesn't match each");
  });

  it('maps positions back across the "}}}" fix-up', () => {
    const result = validateTemplate('{"a":{{uuid}}}, "b": {{nope 1}}');
    expect(result.errors).toEqual([
      {
        kind: 'unknown-helper',
        message: 'unknown helper "nope"',
        line: 1,
        column: 22,
        origin: 'template',
      },
    ]);
  });

  it('reports unknown helpers and disallowed environment variables where they are', () => {
    const result = validateTemplate(
      '{{uuid}}\n  {{frobnicate request.body}} {{concat (nothing)}}\n{{env "AWS_SECRET"}} {{env "MAGNETO_OK"}}',
    );
    expect(result.valid).toBe(false);
    expect(result.errors.map(({ kind, line, column }) => ({ kind, line, column }))).toEqual([
      { kind: 'unknown-helper', line: 2, column: 3 },
      { kind: 'unknown-helper', line: 2, column: 40 },
      { kind: 'env-not-allowed', line: 3, column: 7 },
    ]);
    expect(result.errors[2]?.message).toContain(
      '"AWS_SECRET" is not in the allow list (MAGNETO_*)',
    );
    const allowed = validateTemplate(
      '{{env "AWS_SECRET"}}',
      {},
      { envAllowList: ['AWS_*'], env: { AWS_SECRET: 's' } },
    );
    expect(allowed).toMatchObject({ valid: true, preview: 's' });
  });

  it('checks that a JSON response renders to valid JSON, with the position in the output', () => {
    const result = validateTemplate(
      '{\n  "method": {{request.method}}\n}',
      { request: { method: 'GET' } },
      { contentType: 'application/json' },
    );
    expect(result.valid).toBe(false);
    expect(result.preview).toBe('{\n  "method": GET\n}');
    expect(result.errors).toEqual([
      {
        kind: 'invalid-json',
        message:
          'the rendered output is not valid JSON at line 2, column 13: expected a value, found "G"',
        line: 2,
        column: 13,
        origin: 'output',
      },
    ]);
    expect(validateTemplate('{{request.method}}', {}, { contentType: 'text/plain' }).valid).toBe(
      true,
    );
    expect(
      validateTemplate('{"a": 1,}', {}, { contentType: 'application/problem+json' }).errors[0],
    ).toMatchObject({ line: 1, column: 9 });
  });

  it('places render errors at the failing helper', () => {
    const result = validateTemplate('ok\n  {{divide 1 0}}');
    expect(result.errors).toEqual([
      {
        kind: 'render',
        message: 'divide: division by zero',
        line: 2,
        column: 3,
        origin: 'template',
      },
    ]);
  });

  it('reports partials as unsupported', () => {
    expect(validateTemplate('{{> header}}').errors[0]).toMatchObject({
      kind: 'unsupported',
      line: 1,
      column: 1,
    });
  });
});
