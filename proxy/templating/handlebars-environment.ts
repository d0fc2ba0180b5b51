/**
 * The private Handlebars environment every template renders in (never the global one): built-in
 * helpers wrapped with the render's limits, `{{value}}` output that is not HTML-escaped and shows
 * objects and arrays as JSON, and a bounded cache of compiled templates keyed by source.
 */
import Handlebars from 'handlebars';
import type { HelperDelegate, HelperOptions, TemplateDelegate } from 'handlebars';
import { asText } from './helper-args';
import { budgetedOptions } from './block-budget';
import { BUILT_IN_HELPERS } from './built-in-helpers';
import { helperError, TemplateRenderError } from './errors';
import type { HelperDefinition } from './helper-definition';
import { LruCache } from './lru-cache';
import { parseTemplate } from './parse-template';
import type { ParsedTemplate } from './parse-template';
import { currentRenderState } from './render-state';

/** Renders `{{value}}`; its name cannot be written as a plain helper call. */
const OUTPUT_HELPER = 'magneto output';
/** Handlebars' own helpers that templates may use. */
export const HANDLEBARS_HELPERS: readonly string[] = ['if', 'unless', 'each', 'with', 'lookup'];
const COMPILED_CACHE_SIZE = 1000;

interface CompilerInternals {
  pushSource(source: unknown): void;
  appendToBuffer(parts: unknown[]): unknown;
  aliasable(name: string): unknown;
  popStack(): unknown;
}

interface EnvironmentInternals {
  JavaScriptCompiler: new () => CompilerInternals;
}

const env = Handlebars.create();
const internals = env as unknown as EnvironmentInternals;

/** Escaped output (`{{value}}`) goes through the output helper instead of HTML escaping. */
class OutputCompiler extends internals.JavaScriptCompiler {
  appendEscaped(this: CompilerInternals): void {
    const render = this.aliasable(`helpers[${JSON.stringify(OUTPUT_HELPER)}].render`);
    this.pushSource(this.appendToBuffer([render, '(', this.popStack(), ')']));
  }
}
(OutputCompiler.prototype as unknown as { compiler: unknown }).compiler = OutputCompiler;
internals.JavaScriptCompiler = OutputCompiler;

// An object, not a function: Handlebars leaves non-function helpers unwrapped.
env.registerHelper(OUTPUT_HELPER, {
  render(value: unknown): string {
    const text = asText(value);
    currentRenderState().checkOutputSize(text.length);
    return text;
  },
} as unknown as HelperDelegate);

env.unregisterHelper('log');

function withBudget(name: 'each' | 'blockHelperMissing'): void {
  const original = env.helpers[name] as (...args: unknown[]) => unknown;
  env.registerHelper(name, function (this: unknown, ...args: unknown[]) {
    const options = args.pop() as HelperOptions;
    return original.call(this, ...args, budgetedOptions(options, currentRenderState()));
  });
}
withBudget('each');
withBudget('blockHelperMissing');

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A definition as Handlebars calls it: arguments split, limits checked, errors typed. */
function handlebarsHelper(definition: HelperDefinition): HelperDelegate {
  const { name, helper } = definition;
  return function (this: unknown, ...args: unknown[]) {
    const state = currentRenderState();
    state.checkDeadline();
    const raw = args.pop() as HelperOptions;
    const options = budgetedOptions(raw, state);
    try {
      return helper({
        name,
        params: args,
        hash: options.hash as Record<string, unknown>,
        context: this,
        options,
      });
    } catch (error) {
      if (error instanceof TemplateRenderError) throw error;
      throw helperError(name, messageOf(error));
    }
  };
}

for (const definition of BUILT_IN_HELPERS) {
  env.registerHelper(definition.name, handlebarsHelper(definition));
}

const compiled = new LruCache<string, TemplateDelegate>(COMPILED_CACHE_SIZE);

/** The compiled template for `source`, from the cache when it was compiled before. */
export function compileTemplate(source: string): TemplateDelegate {
  let template = compiled.get(source);
  if (template === undefined) {
    template = env.compile(parseTemplate(env, source).ast, {
      data: true,
      knownHelpers: { log: false },
    });
    compiled.set(source, template);
  }
  return template;
}

/** Parses `source` (throws a `TemplateRenderError` with the position of a syntax error). */
export function parseTemplateSource(source: string): ParsedTemplate {
  return parseTemplate(env, source);
}

/** Whether `name` is a helper templates can call (built-in, Handlebars' own or custom). */
export function isKnownHelper(name: string): boolean {
  return (
    name !== OUTPUT_HELPER &&
    name !== 'helperMissing' &&
    name !== 'blockHelperMissing' &&
    Object.prototype.hasOwnProperty.call(env.helpers, name)
  );
}

/** Adds a helper that is not built in (a custom one); its calls get the same limits. */
export function registerEnvironmentHelper(definition: HelperDefinition): void {
  env.registerHelper(definition.name, handlebarsHelper(definition));
}

export function unregisterEnvironmentHelper(name: string): void {
  env.unregisterHelper(name);
}

/** Handlebars runtime options: no prototype properties or methods, ever. */
export const RUNTIME_OPTIONS = {
  allowProtoPropertiesByDefault: false,
  allowProtoMethodsByDefault: false,
} as const;
