/**
 * Templates compile in environments holding only the helpers they call (compile-template.ts): a
 * helper reached through any construct must still be there, and a name that is not a helper must
 * still fail as one, or stay out of reach when it names a property of Object.prototype.
 */
import { describe, expect, it } from 'vitest';
import { TemplateRenderError } from '../../../proxy/templating/errors';
import { renderTemplate } from '../../../proxy/templating/render-template';
import type { TemplateRenderOptions } from '../../../proxy/templating/render-state';
import type { TemplateRequest } from '../../../proxy/templating/templating.model';

const request: TemplateRequest = {
  method: 'POST',
  url: 'http://api.test/orders?page=2',
  headers: { 'x-tenant': 'acme' },
  body: '{"items":[1,2],"user":{"name":"ada"}}',
};

function render(template: string, options: TemplateRenderOptions = {}): string {
  return renderTemplate(template, request, options);
}

function failure(template: string, options: TemplateRenderOptions = {}): TemplateRenderError {
  try {
    render(template, options);
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateRenderError);
    return error as TemplateRenderError;
  }
  throw new Error(`"${template}" rendered`);
}

describe('templates compiled with only the helpers they call', () => {
  it('reach a helper called only inside a block, a chain, a subexpression or a partial', () => {
    const cases: Array<[string, string]> = [
      ['{{#each (array 1 2)}}{{add this 1}}{{/each}}', '23'],
      ['{{#if false}}x{{else if true}}{{upper "y"}}{{/if}}', 'Y'],
      ['{{#if false}}x{{else}}{{#with request}}{{lower method}}{{/with}}{{/if}}', 'post'],
      ['{{#unless false}}{{upper "u"}}{{/unless}}', 'U'],
      ['{{concat (upper "a") (lower "B")}}', 'Ab'],
      ['{{padStart "7" (add 1 2) "0"}}', '007'],
      ['{{#repeat 2 separator=(concat "," "")}}{{upper "r"}}{{/repeat}}', 'R,R'],
      ['{{#*inline "part"}}{{upper "z"}}{{/inline}}{{> part}}', 'Z'],
      ['{{"upper" "a"}}|{{[upper] "b"}}', 'A|B'],
      ['{{#with request.json.user}}{{upper name}}{{/with}}', 'ADA'],
    ];
    for (const [template, expected] of cases) expect(render(template), template).toBe(expected);
  });

  it('still resolves blocks over data through Handlebars’ own helpers', () => {
    expect(render('{{#request.headers}}{{x-tenant}}{{/request.headers}}')).toBe('acme');
    expect(render('{{#request.json.items}}{{this}},{{/request.json.items}}')).toBe('1,2,');
    expect(render('{{#request.json.missing}}x{{else}}none{{/request.json.missing}}')).toBe('none');
  });

  it('calls a helper named as a literal, in brackets or as data, as Handlebars does', () => {
    const seeded = { seed: 'same' };
    const uuid = render('{{uuid}}', seeded);
    for (const template of [
      '{{"uuid"}}',
      '{{[uuid]}}',
      '{{@uuid}}',
      '{{#if true}}{{uuid}}{{/if}}',
      '{{#*inline "p"}}{{uuid}}{{/inline}}{{> p}}',
    ]) {
      expect(render(template, seeded), template).toBe(uuid);
    }
  });

  it('fails on helpers that do not exist, wherever they are called', () => {
    for (const template of [
      '{{nope 1}}',
      '{{upper (nope 1)}}',
      '{{#nope 1}}x{{/nope}}',
      '{{#if true}}{{nope 2}}{{/if}}',
      '{{#*inline "p"}}{{nope 3}}{{/inline}}{{> p}}',
      '{{uuid}}{{nope 4}}',
    ]) {
      const error = failure(template);
      expect(error.code, template).toBe('unknown-helper');
      expect(error.helper, template).toBe('nope');
    }
    expect(failure('{{log "x"}}')).toMatchObject({ code: 'unknown-helper', helper: 'log' });
  });

  it('never turns a property of Object.prototype into a helper or a value', () => {
    for (const name of ['constructor', 'hasOwnProperty', 'toString', 'valueOf', '__proto__']) {
      expect(render(`{{${name}}}`), name).toBe('');
      expect(render(`{{#with request}}{{${name}}}{{/with}}`), name).toBe('');
      expect(render(`{{lookup this "${name}"}}`), name).toBe('');
    }
    for (const name of ['constructor', 'hasOwnProperty', 'toString', 'valueOf']) {
      expect(failure(`{{${name} "x"}}`)).toMatchObject({ code: 'unknown-helper', helper: name });
    }
    expect(render('{{@root.constructor}}|{{request.constructor.constructor}}')).toBe('|');
    // The data variable the literal text is read from (template-text.ts) is guarded the same way.
    expect(render('a{{@[magneto text].constructor}}b{{@[magneto text].__proto__}}')).toBe('ab');
  });

  it('keeps the iteration budget, the output cap and the env allow-list', () => {
    const budget = { maxIterations: 100 };
    expect(failure('{{#each (range 0 500)}}x{{/each}}', budget).code).toBe('iteration-limit');
    expect(
      failure('{{#request.json.items}}x{{/request.json.items}}', { maxIterations: 1 }).code,
    ).toBe('iteration-limit');
    const cap = { maxOutputBytes: 1000 };
    expect(failure(`${'x'.repeat(2000)}{{uuid}}`, cap).code).toBe('output-too-large');
    expect(failure(`{{#repeat 50}}${'y'.repeat(100)}{{/repeat}}`, cap).code).toBe(
      'output-too-large',
    );
    const env = { MAGNETO_OK: 'ok', SECRET: 'no' };
    expect(render('{{env "MAGNETO_OK"}}|{{env "SECRET"}}', { env })).toBe('ok|');
  });
});
