import { describe, expect, it } from 'vitest';
import { TemplateRenderError } from '../../../proxy/templating/errors';
import { renderTemplate } from '../../../proxy/templating/render-template';
import type { TemplateRenderOptions } from '../../../proxy/templating/render-state';

function failure(
  template: string,
  options: TemplateRenderOptions = {},
  variables?: Record<string, unknown>,
): TemplateRenderError {
  try {
    renderTemplate(template, null, { ...options, variables });
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateRenderError);
    return error as TemplateRenderError;
  }
  throw new Error(`"${template}" rendered`);
}

describe('template safety', () => {
  it('never reaches prototypes, constructors or the Function constructor', () => {
    const variables = { text: 'abc', list: [1], object: { a: 1 } };
    const probes = [
      '{{constructor.constructor}}',
      '{{__proto__}}',
      '{{text.constructor}}',
      '{{object.__proto__.constructor.name}}',
      '{{lookup this "constructor"}}',
      '{{lookup (lookup this "constructor") "constructor"}}',
      '{{#with "s"}}{{constructor.name}}{{/with}}',
      '{{lookup list "constructor"}}',
      '{{#each (array 1)}}{{constructor}}{{/each}}',
      '{{request.constructor.constructor}}',
      '{{request.headers.__proto__}}',
    ];
    for (const probe of probes) {
      expect(renderTemplate(probe, null, { variables }), probe).toBe('');
    }
    const call =
      '{{#with (lookup (lookup this "constructor") "constructor")}}{{this "return process"}}{{/with}}';
    expect(() => renderTemplate(call, null, { variables })).not.toThrow(/process/);
    expect(renderTemplate(call, null, { variables })).toBe('');
  });

  it('treats header and query names like __proto__ as plain keys', () => {
    const request = {
      method: 'GET',
      url: '/x?__proto__=q&constructor=c',
      headers: { __proto__: 'h' } as never,
      body: null,
    };
    expect(
      renderTemplate('{{request.query.constructor}}|{{queryParam "__proto__"}}', request),
    ).toBe('c|q');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('stops a huge repeat with a clear error instead of hanging', () => {
    const started = performance.now();
    const error = failure('{{#repeat 1000000000}}x{{/repeat}}');
    expect(error.code).toBe('iteration-limit');
    expect(error.message).toMatch(/iterates more than 100000 times/);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('counts nested each and plain sections against the budget', () => {
    const items = Array.from({ length: 1000 }, (_, i) => i);
    expect(
      failure(
        '{{#each items}}{{#each ../items}}{{#each ../../items}}.{{/each}}{{/each}}{{/each}}',
        {},
        { items },
      ).code,
    ).toBe('iteration-limit');
    expect(
      failure(
        '{{#items}}{{#../items}}{{#../../items}}.{{/../../items}}{{/../items}}{{/items}}',
        {},
        { items },
      ).code,
    ).toBe('iteration-limit');
    expect(failure('{{#each (range 1 1000000000)}}{{/each}}').code).toBe('iteration-limit');
  });

  it('stops at the deadline, checked by helpers', () => {
    const error = failure('{{#repeat 100000}}{{sha256 (randomString 2000)}}{{/repeat}}', {
      timeoutMs: 20,
      maxIterations: 1e9,
    });
    expect(error.code).toBe('timeout');
    expect(error.message).toBe('rendering took longer than its limit of 20 ms and was stopped');
  });

  it('stops output that grows past the cap, early', () => {
    const error = failure('{{#repeat 100000}}{{randomString 1000}}{{/repeat}}', {
      maxOutputBytes: 50_000,
    });
    expect(error.code).toBe('output-too-large');
    expect(failure('{{padStart "x" 100000000}}').code).toBe('output-too-large');
    expect(
      failure('{{#repeat 3}}{{#repeat 1000}}{{randomString 500}}{{/repeat}}{{/repeat}}', {
        maxOutputBytes: 1_000_000,
      }).code,
    ).toBe('output-too-large');
    expect(renderTemplate('{{#repeat 3}}ab{{/repeat}}', null, { maxOutputBytes: 6 })).toBe(
      'ababab',
    );
    expect(failure('{{#repeat 4}}ab{{/repeat}}', { maxOutputBytes: 6 }).code).toBe(
      'output-too-large',
    );
  });

  it('keeps rendering after failures', () => {
    failure('{{#repeat 1000000000}}x{{/repeat}}');
    failure('{{nope 1}}');
    expect(renderTemplate('{{add 1 2}}', null)).toBe('3');
  });

  it('does not let templates use partials or log to the console', () => {
    expect(failure('{{> secret}}').message).toMatch(/partial/i);
    expect(failure('{{log "x"}}').code).toBe('unknown-helper');
  });
});
