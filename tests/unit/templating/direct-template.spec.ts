/**
 * Plain templates render without Handlebars' runtime (direct-template.ts): whatever they render,
 * or the error they fail with, must be what Handlebars renders, byte for byte. Many templates made
 * of random pieces are rendered both ways with the same request, clock and seed.
 */
import Handlebars from 'handlebars';
import { afterAll, describe, expect, it } from 'vitest';
import { calledHelperNames } from '../../../proxy/templating/called-helpers';
import {
  registerCustomHelper,
  removeCustomHelper,
} from '../../../proxy/templating/custom/custom-helpers';
import type { CompiledTemplate } from '../../../proxy/templating/compile-template';
import { directTemplate } from '../../../proxy/templating/direct-template';
import { toTemplateRenderError } from '../../../proxy/templating/errors';
import {
  parseTemplateSource,
  RUNTIME_OPTIONS,
  scopedEnvironment,
  scopedHelperNames,
} from '../../../proxy/templating/handlebars-environment';
import { renderTemplate } from '../../../proxy/templating/render-template';
import { RenderState, withRenderState } from '../../../proxy/templating/render-state';
import { requestView } from '../../../proxy/templating/request-view';
import { SequenceCounters } from '../../../proxy/templating/sequence-counters';
import { takeTextOut } from '../../../proxy/templating/template-text';
import type { TemplateRequest } from '../../../proxy/templating/templating.model';

const request: TemplateRequest = {
  method: 'POST',
  url: 'http://api.test/orders/7/lines?page=2&tag=a&tag=b',
  headers: { 'x-id': 'r-<1>', cookie: 'sid=s%201', 'content-type': 'application/json' },
  body: '{"items":[1,{"name":"<b>"}],"user":{"name":"ada","age":0}}',
};

/** Variables beside `request`: values of every kind, a function among them. */
const variables: Record<string, unknown> = {
  count: 0,
  flag: false,
  nothing: null,
  list: ['a', '<b>'],
  obj: { a: 1, nested: { b: '<&>"' } },
  text: '<i>"q"&amp;</i>',
  safe: new Handlebars.SafeString('<u>safe</u>'),
  when: new Date('2024-02-03T04:05:06Z'),
  fn(this: unknown, ...args: unknown[]) {
    const options = args.at(-1) as Record<string, unknown> | undefined;
    return `fn(${args.length}:${Object.keys(options ?? {}).join(',')}:${this === undefined})`;
  },
};

const PATHS = [
  'request.method',
  'request.path',
  'request.url',
  'request.body',
  'request.headers.x-id',
  'request.headers.[x-id]',
  'request.query.page',
  'request.query.tag',
  'request.json',
  'request.json.items',
  'request.json.items.[1].name',
  'request.json.user.age',
  'request.cookies.sid',
  'request.pathSegments.[1]',
  'request.method.length',
  'request.__proto__',
  'request.constructor',
  'request.method.constructor',
  'obj.constructor.constructor',
  'constructor',
  'toString',
  '__proto__',
  'hasOwnProperty',
  'this',
  '.',
  'this.request.method',
  './request.path',
  '[this]',
  'missing',
  'missing.deep',
  'count',
  'flag',
  'nothing',
  'list',
  'obj',
  'obj.nested',
  'obj.nested.b',
  'text',
  'safe',
  'when',
  'fn',
];

const CALLS = [
  'uuid',
  'now',
  'nanoid',
  'timestamp',
  'randomInt 1 1000',
  'randomInt 5 count',
  'randomInt "x" 2',
  'randomFloat 1 2 decimals=3',
  'randomString 8 charset="hex"',
  'upper request.method',
  'upper "a<b>"',
  'lower text',
  'header "x-id"',
  'header "missing"',
  'header',
  'queryParam "tag"',
  'pathSegment 1',
  'cookie "sid"',
  'default missing "fallback"',
  'default nothing request.path',
  'default count 9',
  'concat "a" 1 true null undefined 2.5 -1',
  'concat request.json.items "x" obj',
  'add count 2',
  'add request.json.user.age "3"',
  'toJson obj indent=2',
  'toJson list',
  'toJson request.json',
  'jsonPath request.body "$.user.name"',
  'eq request.method "POST"',
  'and flag 1',
  'or flag "yes"',
  'not list',
  'now format="yyyy-MM-dd" timezone="UTC"',
  'dateAdd when days=1 hours=2',
  'dateFormat when "yyyy"',
  'base64 "hi?" urlSafe=true',
  'md5 request.body',
  'faker "person.firstName"',
  'pick "a" "b" "c"',
  'sequence "n"',
  'replace request.path "/" "_"',
  'padStart "7" 3 "0"',
  'substring "abcdef" 1 3',
  'join list ", "',
  'fn',
  'fn 1',
  'nosuch',
  'nosuch 1',
  'missing.deep 1',
  'if flag',
  'lookup obj "a"',
  'log "x"',
  'uuid extra=1',
  '"upper" "quoted"',
  '[upper] "bracketed"',
  'upper (lower "X")',
  'concat (upper request.method) (lower "B") (sequence "n") (sequence "n")',
  'toJson (jsonPath request.body "$.user.name")',
  'default (header "missing") "fallback"',
  'add (randomInt 1 1000) (randomInt 1 1000)',
  'randomInt 1 (add 1 (add 2 3))',
  'toJson obj indent=(add 1 1)',
  'concat (uuid) (nosuch 1)',
  'concat (missing)',
  'concat (if flag 1 2)',
  'concat (request.method)',
  'concat (randomInt "x" 1)',
  '@root.request.method',
  '../request.method',
];

/** Texts longer than 64 characters are taken out of templates compiled for replay (template-text.ts). */
const LONG_TEXT = `{"recorded":"${'ü<&>'.repeat(20)}"}`;
const TEXTS = [
  'plain',
  '{"id":',
  '<&>"\'`=',
  'ünï 😀',
  '\\{{escaped}} ',
  '\n  ',
  ' ',
  '',
  LONG_TEXT,
];

/** Whole blocks and the like: Handlebars renders them (they are here so that mixes are tried). */
const OTHERS = [
  '{{#if flag}}y{{else}}n{{/if}}',
  '{{! a comment }}',
  '{{!-- long --}}',
  '\n{{! standalone }}\n',
];

/** A small deterministic generator (mulberry32). */
function generator(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * below);
  };
}

function randomTemplate(next: (below: number) => number): string {
  const pick = <T>(items: readonly T[]): T => items[next(items.length)] as T;
  const pieces: string[] = [];
  for (let count = 1 + next(8); count > 0; count--) {
    const kind = next(10);
    if (kind < 3) pieces.push(pick(TEXTS));
    else if (kind === 3) pieces.push(pick(OTHERS));
    else {
      const inner = kind < 6 ? pick(PATHS) : pick(CALLS);
      const left = next(5) === 0 ? '~' : '';
      const right = next(5) === 0 ? '~' : '';
      pieces.push(next(4) === 0 ? `{{{${inner}}}}` : `{{${left}${inner}${right}}}`);
    }
  }
  return pieces.join('');
}

type Outcome = { output: string } | { error: string };

function outcome(render: () => string): Outcome {
  try {
    return { output: render() };
  } catch (error) {
    const typed = toTemplateRenderError(error);
    return { error: `${typed.code}: ${typed.message}` };
  }
}

const view = requestView(request);
const root = { ...variables, request: view };

/** Renders as a replay does, with the same clock, seed and fresh `sequence` counters each time. */
function rendered(template: CompiledTemplate): Outcome {
  const options = {
    seed: 'same',
    now: '2024-05-06T07:08:09.010Z',
    sequences: new SequenceCounters(),
  };
  return outcome(() => withRenderState(new RenderState(view, options), () => template(root)));
}

/** The template compiled by Handlebars, in a scoped environment as compile-template.ts does. */
function handlebarsTemplate(source: string): CompiledTemplate {
  const { ast } = parseTemplateSource(source);
  const environment = scopedEnvironment(scopedHelperNames(calledHelperNames(ast)));
  const delegate = environment.compile(ast, { data: true, knownHelpers: { log: false } });
  return (context) => delegate(context, RUNTIME_OPTIONS);
}

/** The direct renderer of the template with its text taken out, as compile-template.ts makes it. */
function textlessDirect(source: string): CompiledTemplate | undefined {
  const { ast } = parseTemplateSource(source);
  const { texts } = takeTextOut(ast);
  const direct = directTemplate(ast);
  return direct && ((context) => direct(context, texts));
}

function bothWays(
  source: string,
): { direct: Outcome; textless: Outcome; handlebars: Outcome } | undefined {
  const direct = directTemplate(parseTemplateSource(source).ast);
  const textless = textlessDirect(source);
  if (direct === undefined || textless === undefined) {
    expect(textless, source).toBe(direct);
    return undefined;
  }
  const handlebars = rendered(handlebarsTemplate(source));
  return { direct: rendered(direct), textless: rendered(textless), handlebars };
}

describe('templates rendered directly', () => {
  it('render what Handlebars renders, or fail as it fails, for many random templates', () => {
    const next = generator(20_241_126);
    let direct = 0;
    let failed = 0;
    let textless = 0;
    for (let i = 0; i < 3000; i++) {
      const source = randomTemplate(next);
      const results = bothWays(source);
      if (results === undefined) continue;
      direct++;
      if ('error' in results.handlebars) failed++;
      if (source.includes(LONG_TEXT)) textless++;
      expect(results.direct, source).toEqual(results.handlebars);
      expect(results.textless, source).toEqual(results.handlebars);
    }
    // Most templates take the direct path, some of them failing: the comparison is not vacuous.
    expect(direct).toBeGreaterThan(1500);
    expect(failed).toBeGreaterThan(50);
    expect(textless).toBeGreaterThan(200);
  });

  it('render every single piece as Handlebars does, escaped and not', () => {
    for (const inner of [...PATHS, ...CALLS]) {
      for (const source of [`{{${inner}}}`, `{{{${inner}}}}`, `a {{~${inner}~}} b`]) {
        const results = bothWays(source);
        if (results === undefined) continue;
        expect(results.direct, source).toEqual(results.handlebars);
        expect(results.textless, source).toEqual(results.handlebars);
      }
    }
  });

  it('leave blocks, subexpressions, data variables and unknown calls to Handlebars', () => {
    for (const source of [
      '{{#if flag}}y{{/if}}',
      '{{upper (nosuch "X")}}',
      '{{upper (missing)}}',
      '{{upper (if flag 1 2)}}',
      '{{@root.request.method}}',
      '{{../request.method}}',
      '{{nosuch 1}}',
      '{{if flag}}',
      '{{> part}}',
      '{{"upper" "a"}}',
    ]) {
      expect(directTemplate(parseTemplateSource(source).ast), source).toBeUndefined();
    }
    const plain = 'a{{uuid}}{{request.path}}{{upper (lower (header "x-id"))}}';
    expect(directTemplate(parseTemplateSource(plain).ast)).toBeDefined();
  });

  it('keep the output cap', () => {
    const big = { ...variables, big: 'x'.repeat(2000) };
    const options = { maxOutputBytes: 1000, variables: big };
    expect(() => renderTemplate('{{big}}', request, options)).toThrow(/larger than its cap/);
    expect(() => renderTemplate('{{{big}}}', request, options)).toThrow(/larger than its cap/);
  });
});

describe('custom helpers in templates rendered directly', () => {
  afterAll(() => {
    removeCustomHelper('echoCall');
  });

  it('are seen once registered, with their arguments and options in order, and gone once removed', async () => {
    const before = renderTemplate('[{{echoCall}}]', request, { variables: { echoCall: 'var' } });
    expect(before).toBe('[var]');
    await registerCustomHelper(
      'echoCall',
      '(args, context) => JSON.stringify([args, context.hash, context.request.method])',
    );
    const source =
      '{{{echoCall 1 "a" (sequence "s") b=(sequence "s") a=request.method c=(sequence "s")}}}';
    expect(renderTemplate(source, request, { sequences: new SequenceCounters() })).toBe(
      // Handlebars evaluates the arguments, then the hash from its last pair to its first.
      JSON.stringify([[1, 'a', 1], { c: 2, a: 'POST', b: 3 }, 'POST']),
    );
    const results = bothWays(source);
    expect(results?.direct).toEqual(results?.handlebars);
    expect(renderTemplate('[{{echoCall}}]', request, { variables: { echoCall: 'var' } })).toBe(
      `[${JSON.stringify([[], {}, 'POST'])}]`,
    );
    removeCustomHelper('echoCall');
    expect(() => renderTemplate('{{echoCall 1}}', request)).toThrow(/unknown helper "echoCall"/);
    expect(renderTemplate('[{{echoCall}}]', request)).toBe('[]');
  });
});
