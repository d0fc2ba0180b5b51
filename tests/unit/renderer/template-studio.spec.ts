/** The template studio's pure parts: JSON formatting around {{…}}, completion context, sample keys. */
import { describe, expect, it } from 'vitest';
import { expressionContext } from '../../../src-renderer/src/features/templates/expression-context';
import { formatJsonTemplate } from '../../../src-renderer/src/features/templates/format-template';
import { sampleKeys } from '../../../src-renderer/src/features/templates/request-fields';

describe('formatting JSON templates', () => {
  it('indents the JSON and puts every expression back where it was', () => {
    const source =
      '{"id":"{{uuid}}","n":{{now_timestamp}},"http":"{{now format="http"}}","tags":["a-{{request.method}}-b"], "raw": {{{json request.body}}} }';
    expect(formatJsonTemplate(source)).toEqual({
      ok: true,
      text: [
        '{',
        '  "id": "{{uuid}}",',
        '  "n": {{now_timestamp}},',
        '  "http": "{{now format="http"}}",',
        '  "tags": [',
        '    "a-{{request.method}}-b"',
        '  ],',
        '  "raw": {{{json request.body}}}',
        '}',
      ].join('\n'),
    });
  });

  it('keeps escaped quotes inside strings and formats an already formatted template the same', () => {
    const source = '{\n  "say": "he said \\"{{request.method}}\\""\n}';
    const once = formatJsonTemplate(source);
    expect(once).toEqual({ ok: true, text: source });
  });

  it('leaves a template alone when it is not JSON once its expressions are set aside', () => {
    const blocks = formatJsonTemplate(
      '[{{#each items}}{"id": {{id}}}{{#unless @last}},{{/unless}}{{/each}}]',
    );
    expect(blocks).toMatchObject({ ok: false, reason: expect.stringMatching(/^Block helpers/) });
    const broken = formatJsonTemplate('{"a": {{x}}');
    expect(broken).toMatchObject({ ok: false, reason: expect.stringMatching(/not JSON/) });
  });
});

describe('completion context', () => {
  it('knows whether the cursor is inside an expression, and what is typed there', () => {
    expect(expressionContext('{"a": "')).toEqual({ inside: false });
    expect(expressionContext('{{uuid}} and ')).toEqual({ inside: false });
    expect(expressionContext('{{! a comment ')).toEqual({ inside: false });
    expect(expressionContext('{"a": "{{da')).toEqual({
      inside: true,
      word: 'da',
      first: true,
      block: false,
    });
    expect(expressionContext('{{#ea')).toMatchObject({ word: 'ea', first: true, block: true });
    expect(expressionContext('{{dateAdd request.headers.x-u')).toMatchObject({
      word: 'request.headers.x-u',
      first: false,
    });
    expect(expressionContext('{{{json (')).toMatchObject({ word: '', first: true });
  });

  it('offers the sample request’s header, query, cookie and JSON keys', () => {
    const sample = {
      request: {
        url: '/orders?page=2&tag=a',
        headers: { 'x-user-id': 'u1', cookie: 'session=abc; theme=dark' },
        body: '{"user": {"id": 1}, "items": []}',
      },
    };
    expect(sampleKeys(sample, 'headers')).toEqual(['x-user-id', 'cookie']);
    expect(sampleKeys(sample, 'query')).toEqual(['page', 'tag']);
    expect(sampleKeys(sample, 'cookies')).toEqual(['session', 'theme']);
    expect(sampleKeys(sample, 'json')).toEqual(['user', 'items']);
    expect(sampleKeys({ request: { body: 'not json' } }, 'json')).toEqual([]);
    expect(sampleKeys(undefined, 'headers')).toEqual([]);
  });
});
