/**
 * Templates that differ only in their literal text share one compiled function, the text given to
 * each render as data (template-text.ts): every template must still render its own text, exactly.
 */
import { describe, expect, it } from 'vitest';
import { parseTemplateSource } from '../../../proxy/templating/handlebars-environment';
import { renderTemplate } from '../../../proxy/templating/render-template';
import { takeTextOut } from '../../../proxy/templating/template-text';
import type { TemplateRequest } from '../../../proxy/templating/templating.model';

/** Text long enough to be taken out of the template (shorter text stays in it). */
const long = (text: string) => `${text} ${'.'.repeat(64)}`;

const request: TemplateRequest = {
  method: 'GET',
  url: 'http://api.test/items/7',
  headers: { 'x-tenant': 'acme' },
  body: null,
};

/** The same shape around different text: text in blocks, branches and loops. */
function shaped(text: (part: number) => string): string {
  return [
    `${text(0)}{{request.method}}${text(1)}`,
    `{{#if request.headers.x-tenant}}${text(2)}{{else}}${text(3)}{{/if}}`,
    `{{#each (array "a" "b")}}${text(4)}{{@index}}{{this}}{{/each}}`,
    `{{#repeat 2}}${text(5)}{{@index}}{{/repeat}}`,
    `{{~ header "x-tenant" ~}}   ${text(6)}`,
  ].join('\n');
}

function expected(text: (part: number) => string): string {
  const loop = `${text(4)}0a${text(4)}1b`;
  const repeat = `${text(5)}0${text(5)}1`;
  // `~` takes the whitespace on both sides of the expression away.
  return [`${text(0)}GET${text(1)}`, text(2), loop, repeat].join('\n') + `acme${text(6)}`;
}

describe('templates sharing a compiled function', () => {
  it('each render their own text, however they interleave', () => {
    const texts = [
      (part: number) => `<${part}>`,
      (part: number) => `{"n":${part * 11},"note":"second"}`,
      (part: number) => (part % 2 === 0 ? '' : `[${part}]`),
      (part: number) => `long ${'x'.repeat(500 + part)} text`,
      (part: number) => long(`another long text, part ${part}`),
    ];
    for (let round = 0; round < 3; round++) {
      for (const text of texts) expect(renderTemplate(shaped(text), request)).toBe(expected(text));
    }
    const [inside, before] = [long('in the part'), long('before')];
    const partial = `{{#*inline "part"}}${inside}{{upper "p"}}{{/inline}}${before}{{> part}}`;
    expect(renderTemplate(partial, request)).toBe(`${before}${inside}P`);
  });

  it('keep text exactly: quotes, backslashes, markup, escapes, Unicode', () => {
    const odd = [
      `"quoted" and 'single' \\ back\\slash`,
      '</script><b>&amp;</b> $& $1',
      '\\{{not an expression}} after',
      'emoji 🎉 and \u2028 line separator',
      '\n\r\n\t',
    ];
    for (const text of odd) {
      const template = `${text}{{request.method}}${long(text)}`;
      const literal = text.replace('\\{{', '{{');
      expect(renderTemplate(template, request), text).toBe(`${literal}GET${long(literal)}`);
    }
  });

  it('are templates whose ASTs differ only in text and positions', () => {
    const shapeOf = (source: string) => takeTextOut(parseTemplateSource(source).ast).shape;
    expect(shapeOf(`{{uuid}}${long('a')}{{#if x}}${long('b')}{{/if}}`)).toBe(
      shapeOf(`{{uuid}}${long('longer\n\ntext')}{{#if x}}${long('and more')}{{/if}}`),
    );
    // Short text stays in the template: it is part of the shape.
    expect(shapeOf('{{uuid}}","id":"')).not.toBe(shapeOf('{{uuid}}","ref":"'));
    const different: Array<[string, string]> = [
      ['{{a}}', '{{../a}}'],
      ['{{a}}', '{{{a}}}'],
      ['{{a}}', '{{@a}}'],
      ['{{a}}', '{{b}}'],
      ['{{#if x}}y{{/if}}', '{{#unless x}}y{{/unless}}'],
      ['{{#if x}}y{{/if}}', '{{#if x}}y{{else}}z{{/if}}'],
      ['{{foo 1}}', '{{foo "1"}}'],
      ['{{foo a=1}}', '{{foo b=1}}'],
      ['{{#each a}}x{{/each}}', '{{#each a as |item|}}x{{/each}}'],
      ['{{! one }}', '{{! two }}'],
    ];
    for (const [one, other] of different) {
      expect(shapeOf(one), `${one} / ${other}`).not.toBe(shapeOf(other));
    }
  });

  it('leave out templates with partials, whose compile errors give their own position', () => {
    const shapeOf = (source: string) => takeTextOut(parseTemplateSource(source).ast).shape;
    expect(shapeOf('x{{> p}}')).toBeUndefined();
    expect(shapeOf('x{{#> p}}y{{/p}}')).toBeUndefined();
    for (const [template, column] of [
      ['x{{> p a b}}', 2],
      ['xxxxx{{> p a b}}', 6],
    ] as const) {
      let error: unknown;
      try {
        renderTemplate(template, request);
      } catch (caught) {
        error = caught;
      }
      expect(error, template).toMatchObject({ code: 'render-failed', line: 1, column });
    }
  });

  it('give the text back in the order the template reads it', () => {
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map(long);
    const source = `${a}{{x}}short{{#if y}}${b}{{else}}${c}{{/if}}${d}`;
    expect(takeTextOut(parseTemplateSource(source).ast).texts).toEqual([a, b, c, d]);
  });
});
