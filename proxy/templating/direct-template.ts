/**
 * A direct renderer for the common templates: text and `{{ }}` / `{{{ }}}` expressions that read a
 * path or call a helper with literal or path arguments, no blocks, subexpressions, data variables
 * (`@index`) or partials. Such a template becomes, once, a list of text pieces and closures that a
 * render concatenates: none of the set-up a Handlebars render does each time (copying and wrapping
 * helpers, access control objects, the data frame). Anything else is left to Handlebars
 * (`directTemplate` gives undefined), and what it renders is what Handlebars renders, byte for
 * byte: the same lookups (own properties only, as `RUNTIME_OPTIONS` asks), the same helper
 * functions called with the same arguments and options, the same output rules.
 */
import type { HelperOptions } from 'handlebars';
import {
  HANDLEBARS_HELPERS,
  knownHelper,
  renderOutput,
  type HelperInvocation,
} from './handlebars-environment';
import { TEXT_DATA } from './template-text';

type Context = Record<string, unknown>;
/** What an expression or argument evaluates to, for the render's root context and data. */
type Evaluate = (context: Context, data: Context) => unknown;

/**
 * Renders a template with `root` as its context. A template whose text was taken out
 * (template-text.ts) is given it as `texts`: one renderer serves every template of its shape.
 */
export type DirectTemplate = (root: Context, texts?: readonly string[]) => string;

/**
 * Names Handlebars' compiler treats as known helpers (its defaults, `log` included): calls of them
 * compile differently, so templates naming them are left to Handlebars.
 */
const COMPILER_KNOWN_HELPERS = new Set([
  ...HANDLEBARS_HELPERS,
  'log',
  'helperMissing',
  'blockHelperMissing',
]);

const hasOwn = (value: unknown, key: string): boolean =>
  Object.prototype.hasOwnProperty.call(value, key);

/**
 * Handlebars' `lookupProperty` with prototype properties and methods denied (`RUNTIME_OPTIONS`):
 * own properties only, and never a prototype's own `constructor`.
 */
function lookupProperty(parent: unknown, name: string): unknown {
  const result = (parent as Context)[name];
  if (result === null || result === undefined) return result;
  if (!hasOwn(parent, name)) return undefined;
  const prototypeConstructor =
    name === 'constructor' &&
    typeof result === 'function' &&
    parent === (result as { prototype?: unknown }).prototype;
  return prototypeConstructor ? undefined : result;
}

/** `a.b.c` read from `start` as Handlebars does: each step only when the value so far is not null. */
function readPath(start: unknown, parts: readonly string[]): unknown {
  let value = start;
  for (const part of parts) {
    if (value === null || value === undefined) return value;
    value = lookupProperty(value, part);
  }
  return value;
}

/** Handlebars' `simpleId`: one part, not `this`, `.` or `..`. */
function isSimpleId(path: hbs.AST.PathExpression): boolean {
  return path.parts.length === 1 && !/^\.|this\b/.test(path.original) && path.depth === 0;
}

/** A path read from the context, or undefined when this renderer cannot read it. */
function contextPath(node: hbs.AST.Expression): hbs.AST.PathExpression | undefined {
  if (node.type !== 'PathExpression') return undefined;
  const path = node as hbs.AST.PathExpression;
  return path.data || path.depth !== 0 ? undefined : path;
}

/**
 * An argument: a literal, a path (no lambdas: Handlebars calls functions only when output) or a
 * subexpression calling a helper.
 */
function argument(node: hbs.AST.Expression): Evaluate | undefined {
  switch (node.type) {
    case 'SubExpression':
      return subexpressionValue(node as hbs.AST.SubExpression);
    case 'StringLiteral':
    case 'NumberLiteral':
    case 'BooleanLiteral': {
      const { value } = node as hbs.AST.StringLiteral | hbs.AST.NumberLiteral;
      return () => value;
    }
    case 'UndefinedLiteral':
      return () => undefined;
    case 'NullLiteral':
      return () => null;
  }
  const path = contextPath(node);
  if (path === undefined) return undefined;
  const { parts } = path;
  return (context) => readPath(context, parts);
}

function allOf<T>(items: ReadonlyArray<T | undefined>): T[] | undefined {
  return items.every((item) => item !== undefined) ? (items as T[]) : undefined;
}

/**
 * The `loc` Handlebars gives helpers: the call's position. Made once and shared by every call, so
 * frozen: no helper can change what the next render sees.
 */
function locationOf(node: hbs.AST.Node): hbs.AST.SourceLocation | undefined {
  const { loc } = node;
  if (loc === undefined) return undefined;
  const start = Object.freeze({ line: loc.start.line, column: loc.start.column });
  const end = Object.freeze({ line: loc.end.line, column: loc.end.column });
  return Object.freeze({ start, end }) as hbs.AST.SourceLocation;
}

/**
 * A helper call: the helper invoked on the context with its arguments and an options object like
 * Handlebars' (`lookupProperty`, `name`, `hash` in Handlebars' key order, `data`, `loc`).
 */
function helperCall(
  invoke: HelperInvocation,
  name: string,
  node: hbs.AST.MustacheStatement | hbs.AST.SubExpression,
): Evaluate | undefined {
  const params = allOf(node.params.map(argument));
  // Handlebars builds the hash from its last pair to its first.
  const pairs = [...(node.hash?.pairs ?? [])].reverse();
  const values = allOf(pairs.map((pair) => argument(pair.value)));
  if (params === undefined || values === undefined) return undefined;
  const keys = pairs.map((pair) => pair.key);
  const loc = locationOf(node);
  return (context, data) => {
    const args = params.map((param) => param(context, data));
    const hash: Context = {};
    for (let i = 0; i < keys.length; i++) hash[keys[i] as string] = values[i]?.(context, data);
    const options = { lookupProperty, name, hash, data, loc } as unknown as HelperOptions;
    return invoke(context, args, options);
  };
}

/**
 * The helper a call by `path` runs: a registered one that Handlebars' compiler does not treat as
 * known (those compile differently), called by a simple name; else undefined.
 */
function calledHelper(path: hbs.AST.PathExpression): HelperInvocation | undefined {
  if (!isSimpleId(path)) return undefined;
  const name = path.parts[0] as string;
  return COMPILER_KNOWN_HELPERS.has(name) ? undefined : knownHelper(name);
}

/** `(name args…)`: always a helper call for Handlebars; other names are left to it. */
function subexpressionValue(node: hbs.AST.SubExpression): Evaluate | undefined {
  const path = contextPath(node.path);
  const helper = path === undefined ? undefined : calledHelper(path);
  if (path === undefined || helper === undefined) return undefined;
  return helperCall(helper, path.original, node);
}

/** `{{name}}` without arguments, `name` not a helper: the context's value, a function called. */
function ambiguousRead(name: string, node: hbs.AST.MustacheStatement): Evaluate {
  const loc = locationOf(node);
  return (context, data) => {
    const value = lookupProperty(context, name);
    if (typeof value !== 'function') return value ?? undefined;
    // Only registered helpers are wrapped to be given `lookupProperty`.
    return (value as (options: unknown) => unknown).call(context, { name, hash: {}, data, loc });
  };
}

/** What a mustache evaluates to, or undefined when Handlebars must render it. */
function mustacheValue(node: hbs.AST.MustacheStatement): Evaluate | undefined {
  const path = contextPath(node.path);
  if (path === undefined) return undefined;
  const called = node.params.length > 0 || node.hash !== undefined;
  if (!isSimpleId(path)) {
    if (called) return undefined;
    const { parts } = path;
    return (context) => {
      const value = readPath(context, parts);
      return typeof value === 'function' ? (value as () => unknown).call(context) : value;
    };
  }
  const name = path.parts[0] as string;
  if (COMPILER_KNOWN_HELPERS.has(name)) return undefined;
  const helper = calledHelper(path);
  // Handlebars names a call with arguments as written (`[name]`), one without by its name.
  if (helper !== undefined) return helperCall(helper, called ? path.original : name, node);
  // A call of a name that is no helper fails; Handlebars says so in its own words.
  return called ? undefined : ambiguousRead(name, node);
}

/** The index of the text a mustache reads (`{{{@[magneto text].N}}}`, template-text.ts), if it does. */
function textIndex(node: hbs.AST.MustacheStatement): number | undefined {
  const { path, params, hash, escaped } = node;
  if (path.type !== 'PathExpression' || escaped || params.length > 0 || hash !== undefined) {
    return undefined;
  }
  const { data, parts } = path as hbs.AST.PathExpression;
  if (!data || parts.length !== 2 || parts[0] !== TEXT_DATA) return undefined;
  return Number(parts[1]);
}

/**
 * A piece of output: text, the index of a text taken out of the template, or an expression.
 */
type Piece = string | number | Evaluate;

/**
 * A statement's output, null for none (a comment, text emptied by `~`: Handlebars leaves them out
 * of its concatenation), or undefined when Handlebars must render it.
 */
function statementOutput(statement: hbs.AST.Statement): Piece | null | undefined {
  switch (statement.type) {
    case 'ContentStatement':
      return (statement as hbs.AST.ContentStatement).value || null;
    case 'CommentStatement':
      return null;
    case 'MustacheStatement': {
      const node = statement as hbs.AST.MustacheStatement;
      const text = textIndex(node);
      if (text !== undefined) return text;
      const value = mustacheValue(node);
      if (value === undefined) return undefined;
      if (node.escaped) return (context, data) => renderOutput(value(context, data));
      return (context, data) => value(context, data) ?? '';
    }
    default:
      return undefined;
  }
}

const NO_TEXTS: readonly string[] = [];

/**
 * The direct renderer of a parsed template, its text taken out (`takeTextOut`) or not, or undefined
 * when the template needs Handlebars. Helpers are bound now: the caller drops it when helpers change.
 */
export function directTemplate(ast: hbs.AST.Program): DirectTemplate | undefined {
  const outputs = allOf(ast.body.map(statementOutput));
  if (outputs === undefined) return undefined;
  const pieces = outputs.filter((output) => output !== null);
  if (pieces.length === 0) return () => '';
  return (root, texts = NO_TEXTS) => {
    const data: Context = { root };
    // Handlebars' code is `return '' + (first + second + …)`: values before the first text add up
    // as `+` does (two numbers are summed, not joined), so they are added the same way here.
    let output: unknown;
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i] as Piece;
      let value: unknown;
      if (typeof piece === 'string') value = piece;
      else if (typeof piece === 'number') value = texts[piece] ?? '';
      else value = piece(root, data);
      output = i === 0 ? value : (output as string) + (value as string);
    }
    return '' + (output as string);
  };
}
