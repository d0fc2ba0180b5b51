// Custom helpers that run away inside slow built-ins, which QuickJS's own deadline sees too late:
// the engine stops them at their limit by killing the sandbox worker, and keeps serving.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { registerCustomHelper } from '../../../proxy/templating/custom/custom-helpers';
import { DEFAULT_SANDBOX_LIMITS } from '../../../proxy/templating/custom/sandbox-limits';
import { TemplateRenderError } from '../../../proxy/templating/errors';
import { renderTemplate } from '../../../proxy/templating/render-template';
import type { TemplateRenderOptions } from '../../../proxy/templating/render-state';

/** Unguarded, these loops block the thread for 7 to 14 s; generous for a loaded 2-core machine. */
const BOUND_MS = 3000;
const PUSH_LOOP = '() => { const a = []; for (;;) a.push("x".repeat(1e6)); }';
const REPEAT_LOOP = '() => { for (;;) "x".repeat(1e6); }';
const STOPPED = /^custom helper "runaway" failed: ran longer than 100 ms and was stopped$/;
/** The render right after a stop waits for the fresh worker, which tsx starts slowly from sources. */
const PATIENT: TemplateRenderOptions = { timeoutMs: 20_000 };

function timedFailure(template: string): { error: TemplateRenderError; ms: number } {
  const started = performance.now();
  try {
    renderTemplate(template, null);
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateRenderError);
    return { error: error as TemplateRenderError, ms: performance.now() - started };
  }
  throw new Error(`"${template}" rendered`);
}

describe('custom helpers stuck in slow built-ins', () => {
  it.each([
    ['pushing big strings', PUSH_LOOP, /ran longer than 100 ms|used more than 16 MB of memory/],
    ['repeating big strings', REPEAT_LOOP, STOPPED],
  ])('are stopped at their limit: %s', async (_label, code, message) => {
    await registerCustomHelper('runaway', code);
    const { error, ms } = timedFailure('{{runaway}}');
    expect(error).toMatchObject({ code: 'custom-helper', helper: 'runaway' });
    expect(error.message).toMatch(/^custom helper "runaway" failed: /);
    expect(error.message).toMatch(message);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('get their whole own limit, and no more', async () => {
    await registerCustomHelper('runaway', REPEAT_LOOP, '', {
      ...DEFAULT_SANDBOX_LIMITS,
      timeoutMs: 300,
    });
    const { error, ms } = timedFailure('{{runaway}}');
    expect(error.message).toMatch(/ran longer than 300 ms and was stopped$/);
    expect(ms).toBeGreaterThanOrEqual(300);
    expect(ms).toBeLessThan(300 + BOUND_MS);
  });

  it('cannot hold up registration either', async () => {
    await registerCustomHelper('fine', '() => "fine"');
    const started = performance.now();
    await expect(
      registerCustomHelper('slowStart', '(() => { for (;;) "x".repeat(1e6); })()'),
    ).rejects.toThrow(/cannot be used: ran longer than 100 ms and was stopped/);
    expect(performance.now() - started).toBeLessThan(BOUND_MS);
    expect(renderTemplate('{{fine}}', null, PATIENT)).toBe('fine');
  });

  it('leave other templates and other custom helpers working', async () => {
    await registerCustomHelper('shout', '(args) => String(args[0]).toUpperCase() + "!"');
    await registerCustomHelper('runaway', REPEAT_LOOP);
    for (let round = 0; round < 3; round++) {
      expect(timedFailure('{{runaway}}').error.message).toMatch(STOPPED);
      expect(renderTemplate('{{add 1 2}} {{upper "ok"}}', null)).toBe('3 OK');
      const options = { ...PATIENT, variables: { round } };
      expect(renderTemplate('{{shout "hi"}} {{shout round}}', null, options)).toBe(`HI! ${round}!`);
    }
    await registerCustomHelper('late', '(args) => args.length');
    expect(renderTemplate('{{late 1 2 3}}', null, PATIENT)).toBe('3');
  });

  it('do not stop the process from answering HTTP requests', async () => {
    await registerCustomHelper('runaway', REPEAT_LOOP);
    let started = 0;
    let ping: Promise<{ text: string; ms: number }> | undefined;
    const server = http.createServer((request, response) => {
      if (request.url !== '/render') {
        response.end('pong');
        return;
      }
      started = performance.now();
      // Sent while this request is still rendering: answered once the helper is stopped.
      ping = fetch(`${base}/ping`).then(async (reply) => ({
        text: await reply.text(),
        ms: performance.now() - started,
      }));
      try {
        response.end(renderTemplate('{{runaway}}', null));
      } catch (error) {
        response.statusCode = 500;
        response.end((error as Error).message);
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const rendered = await fetch(`${base}/render`);
      expect(rendered.status).toBe(500);
      expect(await rendered.text()).toMatch(STOPPED);
      const answered = await ping;
      expect(answered?.text).toBe('pong');
      expect(answered?.ms).toBeLessThan(BOUND_MS);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('cannot grow the process memory without bound', async () => {
    const doubling = '() => { let s = "x"; for (;;) s += s; }';
    const flattened =
      '() => { const a = []; for (;;) a.push(("y".repeat(1e6) + a.length).split("")); }';
    let highest = 0;
    for (const code of [PUSH_LOOP, REPEAT_LOOP, doubling, flattened, PUSH_LOOP, REPEAT_LOOP]) {
      await registerCustomHelper('runaway', code);
      expect(timedFailure('{{runaway}}').error.code).toBe('custom-helper');
      highest = Math.max(highest, process.memoryUsage().rss);
    }
    await registerCustomHelper('fine', '() => "fine"');
    expect(renderTemplate('{{fine}}', null, PATIENT)).toBe('fine');
    // Unguarded, the first loop alone takes the process past 2 GB.
    expect(highest).toBeLessThan(1024 * 1024 * 1024);
  });
});
