/**
 * Compiled templates, kept by source. Each is compiled in an environment holding only the helpers
 * it calls (environments are shared by templates calling the same helpers), so that a render
 * copies and wraps a handful of helpers instead of all of them. Templates that differ only in their
 * literal text share one compiled function (template-text.ts). Adding or removing a helper (a
 * custom one) drops everything compiled before: a name may have become a helper, or stopped being
 * one. The common templates (plain expressions, no blocks) skip Handlebars' runtime: they render
 * directly (direct-template.ts), with one renderer for all the templates of a shape too.
 */
import type { RuntimeOptions, TemplateDelegate } from 'handlebars';
import { calledHelperNames } from './called-helpers';
import { directTemplate, type DirectTemplate } from './direct-template';
import {
  helperGeneration,
  parseTemplateSource,
  RUNTIME_OPTIONS,
  scopedEnvironment,
  scopedHelperNames,
} from './handlebars-environment';
import { BoundedLru } from '../support/bounded-lru';
import { takeTextOut, TEXT_DATA } from './template-text';

/** Renders the template with `root` as its context. */
export type CompiledTemplate = (root: Record<string, unknown>) => string;

const TEMPLATES_KEPT = 1000;
const ENVIRONMENTS_KEPT = 100;

type Environment = ReturnType<typeof scopedEnvironment>;

const bySource = new BoundedLru<string, CompiledTemplate>(TEMPLATES_KEPT);
const byShape = new BoundedLru<string, TemplateDelegate>(TEMPLATES_KEPT);
/** Direct renderers by shape; null for shapes Handlebars must render. */
const directByShape = new BoundedLru<string, DirectTemplate | null>(TEMPLATES_KEPT);
const environments = new BoundedLru<string, Environment>(ENVIRONMENTS_KEPT);
let compiledAt = helperGeneration();

/** The shared environment for templates calling exactly the helpers `names`. */
function environmentFor(names: readonly string[]): Environment {
  const key = JSON.stringify(names);
  let environment = environments.get(key);
  if (environment === undefined) {
    environment = scopedEnvironment(names);
    environments.set(key, environment);
  }
  return environment;
}

/** The direct renderer shared by the templates of `shape` (textless `ast`), if they can have one. */
function directFor(ast: hbs.AST.Program, shape: string | undefined): DirectTemplate | undefined {
  if (shape === undefined) return directTemplate(ast);
  let direct = directByShape.get(shape);
  if (direct === undefined) {
    direct = directTemplate(ast) ?? null;
    directByShape.set(shape, direct);
  }
  return direct ?? undefined;
}

function compile(source: string): CompiledTemplate {
  const { ast } = parseTemplateSource(source);
  const { texts, shape } = takeTextOut(ast);
  const direct = directFor(ast, shape);
  if (direct !== undefined) return (root) => direct(root, texts);
  let delegate = shape === undefined ? undefined : byShape.get(shape);
  if (delegate === undefined) {
    const environment = environmentFor(scopedHelperNames(calledHelperNames(ast)));
    delegate = environment.compile(ast, { data: true, knownHelpers: { log: false } });
    if (shape !== undefined) byShape.set(shape, delegate);
  }
  // Handlebars copies `data` into the render's first frame: the options are made once.
  const options: RuntimeOptions = { ...RUNTIME_OPTIONS, data: { [TEXT_DATA]: texts } };
  const shared = delegate;
  return (root) => shared(root, options);
}

/** Drops everything compiled before a helper was added or removed. */
function dropStale(): void {
  if (compiledAt === helperGeneration()) return;
  bySource.clear();
  byShape.clear();
  directByShape.clear();
  environments.clear();
  compiledAt = helperGeneration();
}

/** The compiled template for `source`, from the cache when it was compiled before. */
export function compileTemplate(source: string): CompiledTemplate {
  dropStale();
  let template = bySource.get(source);
  if (template === undefined) {
    template = compile(source);
    bySource.set(source, template);
  }
  return template;
}

const keptWith = new WeakMap<object, Map<string, { at: number; template: CompiledTemplate }>>();

/**
 * The compiled template for `source`, kept with `holder` (the recorded response it belongs to) for
 * as long as the holder lives: however many templates a cassette holds, replaying it compiles each
 * once, where the cache by source keeps only the most recently used.
 */
export function compiledWith(holder: object, source: string): CompiledTemplate {
  dropStale();
  let kept = keptWith.get(holder);
  if (kept === undefined) {
    kept = new Map();
    keptWith.set(holder, kept);
  }
  const entry = kept.get(source);
  if (entry !== undefined && entry.at === compiledAt) return entry.template;
  const template = compileTemplate(source);
  kept.set(source, { at: compiledAt, template });
  return template;
}
