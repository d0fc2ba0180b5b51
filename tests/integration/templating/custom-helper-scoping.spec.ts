/**
 * Templates are compiled with only the helpers they call, and kept compiled (compile-template.ts):
 * adding, replacing or removing a custom helper must reach templates compiled before.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  registerCustomHelper,
  removeCustomHelper,
} from '../../../proxy/templating/custom/custom-helpers';
import { TemplateRenderError } from '../../../proxy/templating/errors';
import { renderTemplate } from '../../../proxy/templating/render-template';

const request = { method: 'GET', url: '/greet', headers: {}, body: null };

function render(template: string): string {
  return renderTemplate(template, request);
}

/** Renders with a variable named like the helper: a helper wins over it, as in Handlebars. */
function renderBeside(template: string): string {
  return renderTemplate(template, request, { variables: { greet: 'a variable' } });
}

function failure(template: string): TemplateRenderError {
  try {
    render(template);
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateRenderError);
    return error as TemplateRenderError;
  }
  throw new Error(`"${template}" rendered`);
}

afterEach(() => {
  removeCustomHelper('greet');
});

describe('custom helpers and templates compiled before them', () => {
  it('become the helper of templates compiled before, and stop being it once removed', async () => {
    const bare = '{{greet}}';
    const calls = ['a {{greet "x"}}', '{{#if true}}{{upper (greet "y")}}{{/if}}'];
    expect(renderBeside(bare)).toBe('a variable');
    for (const template of calls) {
      expect(failure(template)).toMatchObject({ code: 'unknown-helper', helper: 'greet' });
    }

    await registerCustomHelper('greet', '(args) => "hello " + (args[0] ?? "you")');
    expect(renderBeside(bare)).toBe('hello you');
    expect(calls.map(render)).toEqual(['a hello x', 'HELLO Y']);

    expect(removeCustomHelper('greet')).toBe(true);
    expect(renderBeside(bare)).toBe('a variable');
    for (const template of calls) {
      expect(failure(template)).toMatchObject({ code: 'unknown-helper', helper: 'greet' });
    }
  });

  it('run in templates sharing a compiled function, each with its own text', async () => {
    await registerCustomHelper('greet', '(args) => "<" + args[0] + ">"');
    const shaped = (text: string) => `${text}{{greet "x"}}${text}`;
    expect(['one', 'two', 'three'].map((text) => render(shaped(text)))).toEqual([
      'one<x>one',
      'two<x>two',
      'three<x>three',
    ]);
  });
});
