import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CustomHelperStore,
  CustomHelperStoreError,
} from '../../../proxy/templating/custom/custom-helper-store';
import {
  CustomHelperError,
  registerCustomHelper,
  removeCustomHelper,
} from '../../../proxy/templating/custom/custom-helpers';
import { TemplateRenderError } from '../../../proxy/templating/errors';
import { listTemplateHelpers } from '../../../proxy/templating/helper-registry';
import { renderTemplate } from '../../../proxy/templating/render-template';
import { validateTemplate } from '../../../proxy/templating/validate-template';

const request = {
  method: 'POST',
  url: '/users/7?x=1',
  headers: { 'x-id': 'abc' },
  body: '{"a":1}',
};

function renderFailure(template: string): TemplateRenderError {
  try {
    renderTemplate(template, request);
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateRenderError);
    return error as TemplateRenderError;
  }
  throw new Error(`"${template}" rendered`);
}

describe('custom helpers in the QuickJS sandbox', () => {
  it('runs user code with JSON arguments, options and the request', async () => {
    await registerCustomHelper(
      'shout',
      '(args, context) => String(args[0]).toUpperCase() + (context.hash.mark ?? "!")',
      'Upper case',
    );
    await registerCustomHelper(
      'who',
      '(args, context) => ({ method: context.request.method, path: context.request.path, id: context.request.headers["x-id"], n: args.length })',
    );
    expect(renderTemplate('{{shout "hi"}} {{shout request.method mark="?"}}', request)).toBe(
      'HI! POST?',
    );
    expect(renderTemplate('{{who 1 2}}', request)).toBe(
      '{"method":"POST","path":"/users/7","id":"abc","n":2}',
    );
    expect(renderTemplate('{{lookup (who) "id"}}', request)).toBe('abc');
    const info = listTemplateHelpers().find((helper) => helper.name === 'shout');
    expect(info).toMatchObject({ category: 'custom', custom: true, description: 'Upper case' });
    expect(validateTemplate('{{shout "x"}}').valid).toBe(true);
    expect(removeCustomHelper('shout')).toBe(true);
    expect(removeCustomHelper('shout')).toBe(false);
    expect(validateTemplate('{{shout "x"}}').errors[0]?.kind).toBe('unknown-helper');
  });

  it('refuses bad names and code that is not a function', async () => {
    await expect(registerCustomHelper('uuid', '() => 1')).rejects.toThrow(/built-in helper/);
    await expect(registerCustomHelper('if', '() => 1')).rejects.toThrow(CustomHelperError);
    await expect(registerCustomHelper('constructor', '() => 1')).rejects.toThrow(/reserved/);
    await expect(registerCustomHelper('bad-name', '() => 1')).rejects.toThrow(
      /not a valid helper name/,
    );
    await expect(registerCustomHelper('broken', '() => {')).rejects.toThrow(
      /cannot be used: SyntaxError/,
    );
    await expect(registerCustomHelper('notFn', '42')).rejects.toThrow(
      /must evaluate to a function/,
    );
    await expect(registerCustomHelper('spin', '(() => { while (true) {} })()')).rejects.toThrow(
      /ran longer than/,
    );
    expect(removeCustomHelper('uuid')).toBe(false);
    expect(renderTemplate('{{uuid}}', null)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['require', '() => require("fs")', /ReferenceError: 'require' is not defined/],
    ['process', '() => process.env.HOME', /ReferenceError: 'process' is not defined/],
    [
      'constructor chain',
      '() => this.constructor.constructor("return process")().env',
      /'process' is not defined/,
    ],
    [
      'function constructor',
      '() => (function () {}).constructor("return typeof process + typeof require + typeof fetch")()',
      null,
    ],
    ['dynamic import', '() => import("node:fs")', /must return a value, not a promise/],
    ['infinite loop', '() => { for (;;) {} }', /ran longer than 100 ms and was stopped/],
    ['memory bomb', '() => new Array(5e7).fill(0).length', /used more than 16 MB of memory/],
    [
      'allocation loop',
      '() => { const a = []; for (;;) a.push({ a: [1, 2, 3] }); }',
      /used more than 16 MB of memory|ran longer than 100 ms/,
    ],
    ['deep recursion', '() => { const f = () => f() + 1; return f(); }', /recursed too deeply/],
    ['huge output', '() => "x".repeat(1024 * 1024)', /larger than 262144 bytes/],
    ['throwing', '() => { throw new TypeError("nope") }', /TypeError: nope/],
  ])('fails safely: %s', async (_label, code, message) => {
    await registerCustomHelper('escape', code);
    if (message === null) {
      expect(renderTemplate('{{escape}}', request)).toBe('undefinedundefinedundefined');
    } else {
      const error = renderFailure('{{escape}}');
      expect(error).toMatchObject({ code: 'custom-helper', helper: 'escape' });
      expect(error.message).toMatch(/^custom helper "escape" failed: /);
      expect(error.message).toMatch(message);
    }
    expect(renderTemplate('{{add 1 2}} {{upper "ok"}}', request)).toBe('3 OK');
  });

  it('sees none of the host: only standard JavaScript globals', async () => {
    await registerCustomHelper('globals', '() => Object.getOwnPropertyNames(globalThis).sort()');
    const names = JSON.parse(renderTemplate('{{globals}}', null)) as string[];
    expect(names).toContain('JSON');
    for (const host of [
      'process',
      'require',
      'module',
      'Buffer',
      'fetch',
      'setTimeout',
      'console',
      'globalThis.process',
    ]) {
      expect(names).not.toContain(host);
    }
  });
});

describe('CustomHelperStore', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'magneto-helpers-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('persists helpers, reloads them and removes them', async () => {
    const store = new CustomHelperStore(dataDir);
    expect(await store.list()).toEqual([]);
    const saved = await store.save('greet', '(args) => "hello " + args[0]', 'Greets');
    expect(saved).toMatchObject({ name: 'greet', description: 'Greets' });
    const updated = await store.save('greet', '(args) => "hi " + args[0]', 'Greets');
    expect(updated.createdAt).toBe(saved.createdAt);
    expect(renderTemplate('{{greet "ada"}}', null)).toBe('hi ada');
    const onDisk = JSON.parse(
      await readFile(path.join(dataDir, 'custom-helpers.json'), 'utf8'),
    ) as unknown;
    expect(onDisk).toEqual({ version: 1, helpers: [updated] });

    removeCustomHelper('greet');
    expect(await new CustomHelperStore(dataDir).load()).toEqual({ loaded: ['greet'], failed: [] });
    expect(renderTemplate('{{greet "bob"}}', null)).toBe('hi bob');

    expect(await store.remove('greet')).toBe(true);
    expect(await store.remove('greet')).toBe(false);
    expect(await store.list()).toEqual([]);
    expect(() => renderTemplate('{{greet "x"}}', null)).toThrow(/unknown helper "greet"/);
  });

  it('refuses bad helpers without writing anything', async () => {
    const store = new CustomHelperStore(dataDir);
    await expect(store.save('add', '() => 1')).rejects.toThrow(CustomHelperError);
    await expect(store.save('ok', 'not javascript (')).rejects.toThrow(CustomHelperError);
    expect(await store.list()).toEqual([]);
  });

  it('reports stored helpers that no longer load, and never overwrites a damaged file', async () => {
    const file = path.join(dataDir, 'custom-helpers.json');
    const good = {
      name: 'twice',
      code: '(a) => a[0] * 2',
      description: '',
      createdAt: 'x',
      updatedAt: 'x',
    };
    const bad = { ...good, name: 'broken', code: '() => {' };
    await writeFile(file, JSON.stringify({ version: 1, helpers: [good, bad] }));
    const report = await new CustomHelperStore(dataDir).load();
    expect(report.loaded).toEqual(['twice']);
    expect(report.failed).toEqual([
      { name: 'broken', error: expect.stringContaining('SyntaxError') },
    ]);
    expect(renderTemplate('{{twice 21}}', null)).toBe('42');

    await writeFile(file, '{"version": 1, "helpers": [');
    const store = new CustomHelperStore(dataDir);
    await expect(store.list()).rejects.toThrow(CustomHelperStoreError);
    await expect(store.save('other', '() => 1')).rejects.toThrow(/not valid JSON/);
    expect(await readFile(file, 'utf8')).toBe('{"version": 1, "helpers": [');
  });
});
