/**
 * The private Handlebars environment of the templates (never the global one): the registry of every
 * helper, built-in ones wrapped with the render's limits, and `{{value}}` output that is not
 * HTML-escaped and shows objects and arrays as JSON. A template is compiled in a scoped copy holding
 * only the helpers it calls (`scopedEnvironment`): Handlebars copies and wraps every helper of a
 * template's environment on each render, so fewer helpers make every render cheaper.
 */
import Handlebars from 'handlebars';
import type { HelperDelegate, HelperOptions } from 'handlebars';
import { asText } from './helper-args';
import { budgetedOptions } from './block-budget';
import { BUILT_IN_HELPERS } from './built-in-helpers';
import { helperError, TemplateRenderError } from './errors';
import type { HelperDefinition } from './helper-definition';
import { parseTemplate } from './parse-template';
import type { ParsedTemplate } from './parse-template';
import { currentRenderState } from './render-state';

/** Renders `{{value}}`; its name cannot be written as a plain helper call. */
const OUTPUT_HELPER = 'magneto output';
/** Handlebars' own helpers that templates may use. */
export const HANDLEBARS_HELPERS: readonly string[] = ['if', 'unless', 'each', 'with', 'lookup'];
/** Handlebars calls these itself (for unknown helpers, for blocks over data). */
const HOOK_HELPERS = ['helperMissing', 'blockHelperMissing'];
/** In every scoped environment: unknown helpers must fail as such. */
const ALWAYS_SCOPED = [OUTPUT_HELPER, 'helperMissing'];

interface CompilerInternals {
  pushSource(source: unknown): void;
  appendToBuffer(parts: unknown[]): unknown;
  aliasable(name: string): unknown;
  popStack(): unknown;
}

interface EnvironmentInternals {
  JavaScriptCompiler: new () => CompilerInternals;
}

type Environment = typeof Handlebars;

/** Escaped output (`{{value}}`) goes through the output helper instead of HTML escaping. */
class OutputCompiler extends (Handlebars as unknown as EnvironmentInternals).JavaScriptCompiler {
  appendEscaped(this: CompilerInternals): void {
    const render = this.aliasable(`helpers[${JSON.stringify(OUTPUT_HELPER)}].render`);
    this.pushSource(this.appendToBuffer([render, '(', this.popStack(), ')']));
  }
}
(OutputCompiler.prototype as unknown as { compiler: unknown }).compiler = OutputCompiler;

/** A new Handlebars environment whose templates write `{{value}}` through the output helper. */
function createEnvironment(): Environment {
  const created = Handlebars.create();
  (created as unknown as EnvironmentInternals).JavaScriptCompiler = OutputCompiler;
  return created;
}

/** The registry of every helper templates may call; templates compile in scoped copies of it. */
const env = createEnvironment();

/** How `{{value}}` is written: as text (`asText`), within the render's size cap. */
export function renderOutput(value: unknown): string {
  const text = asText(value);
  currentRenderState().checkOutputSize(text.length);
  return text;
}

// An object, not a function: Handlebars leaves non-function helpers unwrapped.
env.registerHelper(OUTPUT_HELPER, { render: renderOutput } as unknown as HelperDelegate);

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

/** A helper run on its context with its arguments and Handlebars' options object apart. */
export type HelperInvocation = (
  context: unknown,
  params: unknown[],
  options: HelperOptions,
) => unknown;

/** Definitions as they are invoked, by the function Handlebars calls for them. */
const invocations = new WeakMap<HelperDelegate, HelperInvocation>();

/** A definition invoked: limits checked, errors typed. */
function invocationOf(definition: HelperDefinition): HelperInvocation {
  const { name, helper } = definition;
  return (context, params, raw) => {
    const state = currentRenderState();
    state.checkDeadline();
    const options = budgetedOptions(raw, state);
    try {
      return helper({
        name,
        params,
        hash: options.hash as Record<string, unknown>,
        context,
        options,
      });
    } catch (error) {
      if (error instanceof TemplateRenderError) throw error;
      throw helperError(name, messageOf(error));
    }
  };
}

/** A definition as Handlebars calls it: its options object last among the arguments. */
function handlebarsHelper(definition: HelperDefinition): HelperDelegate {
  const invoke = invocationOf(definition);
  const delegate = function (this: unknown, ...args: unknown[]) {
    const options = args.pop() as HelperOptions;
    return invoke(this, args, options);
  };
  invocations.set(delegate, invoke);
  return delegate;
}

for (const definition of BUILT_IN_HELPERS) {
  env.registerHelper(definition.name, handlebarsHelper(definition));
}

/** Parses `source` (throws a `TemplateRenderError` with the position of a syntax error). */
export function parseTemplateSource(source: string): ParsedTemplate {
  return parseTemplate(env, source);
}

/** Whether the registry has a helper of that name (own property: never `constructor` and kin). */
function isRegistered(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(env.helpers, name);
}

/** Whether `name` is a helper templates can call (built-in, Handlebars' own or custom). */
export function isKnownHelper(name: string): boolean {
  return name !== OUTPUT_HELPER && !HOOK_HELPERS.includes(name) && isRegistered(name);
}

/**
 * How a template's call of helper `name` (as `isKnownHelper`) runs it without Handlebars' calling
 * convention (the options object apart from the arguments); undefined for names that are no
 * helper defined here (built-in or custom).
 */
export function knownHelper(name: string): HelperInvocation | undefined {
  return isKnownHelper(name) ? invocations.get(env.helpers[name] as HelperDelegate) : undefined;
}

let generation = 0;

/** Changes whenever a helper is added or removed: environments and templates made before are stale. */
export function helperGeneration(): number {
  return generation;
}

/** Adds a helper that is not built in (a custom one); its calls get the same limits. */
export function registerEnvironmentHelper(definition: HelperDefinition): void {
  env.registerHelper(definition.name, handlebarsHelper(definition));
  generation++;
}

export function unregisterEnvironmentHelper(name: string): void {
  env.unregisterHelper(name);
  generation++;
}

/** Of `names`, the registered helpers a scoped environment adds to those it always has, sorted. */
export function scopedHelperNames(names: Iterable<string>): string[] {
  const scoped = new Set<string>();
  for (const name of names) {
    if (isRegistered(name) && !ALWAYS_SCOPED.includes(name)) scoped.add(name);
  }
  return [...scoped].sort();
}

/**
 * An environment to compile templates in that holds, of the registry's helpers, only `names` (from
 * `scopedHelperNames`: the others are unknown to its templates), plus the output helper and
 * `helperMissing`. The helpers are the registry's own functions, limits included.
 */
export function scopedEnvironment(names: readonly string[]): Environment {
  const scoped = createEnvironment();
  for (const name of Object.keys(scoped.helpers)) scoped.unregisterHelper(name);
  for (const name of [...ALWAYS_SCOPED, ...names]) {
    const helper = isRegistered(name) ? env.helpers[name] : undefined;
    if (helper !== undefined) scoped.registerHelper(name, helper);
  }
  return scoped;
}

/** Handlebars runtime options: no prototype properties or methods, ever. */
export const RUNTIME_OPTIONS = {
  allowProtoPropertiesByDefault: false,
  allowProtoMethodsByDefault: false,
} as const;
