/**
 * The template studio against the real headless studio: Monaco with the template language (error
 * markers at their line, completion, hover), the live preview, the helper palette, the template
 * library (save, export, delete, import, open), custom helpers, formatting, full screen, and
 * applying a template to several interactions that the proxy then replays rendered.
 */
import fs from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { gqlData } from '../integration/api/api-harness';
import { pageErrors, screenshotBothThemes, seriousAxeViolations } from './support/browser';
import { type E2eStudio } from './support/studio';
import { useUiSession } from './support/ui-session';
import { fetchViaProxy } from './support/traffic';

let studio: E2eStudio;
let page: Page;

useUiSession(
  {
    pagePerTest: true,
    preparePage: async (page, e2eStudio) => {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.goto(`${e2eStudio.url}/#/templates`);
      await page.waitForSelector('.studio-editor .monaco-editor .view-lines');
      await page.waitForSelector('.helper-card');
    },
  },
  (session) => ({ studio, page } = session),
);

const editor = '.studio-editor .monaco-editor';

/** Replaces the text of a Monaco editor by pasting (typing would auto-indent and auto-close). */
async function paste(editorSelector: string, text: string): Promise<void> {
  await page.click(`${editorSelector} .view-lines`);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  if (text === '') return;
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.keyboard.press('Control+V');
}

const setTemplate = (text: string): Promise<void> => paste(editor, text);

/** The template as the studio keeps it. */
const body = (): Promise<string> =>
  page.evaluate(
    () =>
      (
        JSON.parse(localStorage.getItem('magneto.templates.draft') ?? '{}') as {
          state?: { body?: string };
        }
      ).state?.body ?? '',
  );

/** The line numbers of the lines Monaco underlines as errors in the template editor. */
const markedLines = (): Promise<string[]> =>
  page.$$eval(`${editor} .view-overlays .squiggly-error`, (squiggles) => {
    const root = squiggles[0]?.closest('.monaco-editor');
    const numbers = [...(root?.querySelectorAll('.margin-view-overlays > div') ?? [])];
    return squiggles.map((squiggle) => {
      const top = (squiggle.parentElement as HTMLElement).style.top;
      const line = numbers.find((number) => (number as HTMLElement).style.top === top);
      return line?.textContent?.trim() ?? '?';
    });
  });

async function waitForToast(text: string): Promise<void> {
  await page.waitForSelector(`[data-testid="toast"]:has-text("${text}")`);
}

/** Monaco, the preview and screenshots in both themes take a while on a busy machine. */
const SLOW = 90_000;

describe('template studio', () => {
  it(
    'marks an error at its line and column, then previews the fixed template',
    async () => {
      await setTemplate('{\n  "id": "{{uuid}}",\n  "when": "{{nosuchhelper 1}}"\n}');
      await page.waitForSelector('[data-testid="template-errors"]');
      expect(await page.textContent('[data-testid="template-errors"]')).toContain(
        'Line 3, column 12: unknown helper "nosuchhelper"',
      );
      expect(await page.textContent('[data-testid="template-valid"]')).toBe('1 problem(s)');
      await expect.poll(markedLines).toEqual(['3']);
      await screenshotBothThemes(page, 'templates-error');

      await setTemplate(
        '{\n  "id": "{{uuid}}",\n  "user": "{{pathSegment 2}}",\n  "by": "{{request.headers.x-user-id}}"\n}',
      );
      await expect.poll(() => page.textContent('[data-testid="template-valid"]')).toBe('valid');
      await expect.poll(markedLines).toEqual([]);
      const preview = JSON.parse(
        (await page.textContent('[data-testid="template-preview"]')) ?? '',
      );
      expect(preview.user).toBe('42');
      expect(preview.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(preview.by).toBe('user-12345');
      expect(await page.textContent('[data-testid="used-variables"]')).toContain(
        'request.headers.x-user-id',
      );

      await paste('.studio-sample', '{ "request": { "url": "/v1/users/7" } ');
      await expect
        .poll(() => page.textContent('[data-testid="sample-problem"]'))
        .toBe("Line 1, column 39: Expected ',' or '}'");
      await page.keyboard.insertText('}');
      await expect.poll(() => page.locator('[data-testid="sample-problem"]').count()).toBe(0);
      await expect
        .poll(
          async () =>
            JSON.parse((await page.textContent('[data-testid="template-preview"]')) ?? '{}').user,
        )
        .toBe('7');
      expect(await pageErrors(page)).toEqual([]);
    },
    SLOW,
  );

  it(
    'inserts helpers at the cursor from the palette and the toolbar; completes and documents them',
    async () => {
      await setTemplate('id=');
      await page.fill('input[aria-label="Find a helper"]', 'uuid');
      await page.getByRole('button', { name: 'Insert uuid', exact: true }).click();
      await expect.poll(body).toMatch(/^id=\{\{uuid\}\}/);
      await page.keyboard.insertText(' at=');
      await page.selectOption('select[aria-label="Insert a helper"]', 'now');
      const { templateHelpers } = await gqlData(studio.url, '{ templateHelpers { name example } }');
      const now = templateHelpers.find((helper: { name: string }) => helper.name === 'now');
      await expect.poll(body).toBe(`id={{uuid}} at=${now.example}`);

      await setTemplate('');
      await page.keyboard.type('{{dateA');
      await page.keyboard.press('Control+Space');
      await page.waitForSelector('.suggest-widget.visible');
      expect(await page.textContent('.suggest-widget')).toContain('dateAdd');
      await page.keyboard.press('Escape');

      await setTemplate('{{uuid}}');
      await page.hover(`${editor} .view-line span:text-is("uuid")`);
      const hover = await page.waitForSelector('.monaco-hover-content:has-text("uuid")');
      expect(await hover.textContent()).toMatch(/uuid · ids/);
    },
    SLOW,
  );

  it(
    'applies the template to several interactions and the proxy replays them rendered',
    async () => {
      const interaction = (id: number) => ({
        kind: 'Http',
        request: { method: 'GET', url: `http://shop.test/orders/${id}` },
        response: { status: 200, headers: { 'content-type': 'text/plain' }, body: `order ${id}` },
      });
      await gqlData(
        studio.url,
        'mutation($input: CreateCassetteInput!) { createCassette(input: $input) { name } }',
        { input: { name: 'orders-e2e', interactions: [1, 2, 3].map(interaction) } },
      );
      await page.reload();
      await page.waitForSelector(`${editor} .view-lines`);
      await setTemplate('{"order": "{{pathSegment 1}}", "method": "{{request.method}}"}');
      await page.click('button:has-text("Apply to a cassette…")');
      await page.fill('dialog input[placeholder="Its name"]', 'orders-e2e');
      await page.waitForSelector('dialog [data-interaction-choice]');
      await page.check('dialog .picker-all input');
      await expect
        .poll(() => page.locator('[data-testid="apply-preview"] details').count())
        .toBe(3);
      expect(await page.textContent('[data-testid="apply-preview"] details >> nth=0')).toContain(
        '+{"order": "{{pathSegment 1}}", "method": "{{request.method}}"}',
      );
      await screenshotBothThemes(page, 'templates-apply');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.click('dialog button[type="submit"]:has-text("Apply to 3 interaction(s)")');
      await page.waitForSelector('[data-testid="apply-report"]');
      expect(await page.textContent('[data-testid="apply-report"]')).toContain(
        'Applied to 3 of 3 interaction(s).',
      );
      expect(await page.locator('[data-testid="apply-report"] [data-result="ok"]').count()).toBe(3);
      await waitForToast('Template applied');
      await page.click('dialog button:has-text("Done")');

      const { port } = await studio.services.proxy.start({
        port: 0,
        mode: 'replay',
        cassetteName: 'orders-e2e',
      });
      try {
        for (const id of [2, 3, 1]) {
          const answer = await fetchViaProxy(port as number, `http://shop.test/orders/${id}`);
          expect(answer.status).toBe(200);
          expect(JSON.parse(answer.body)).toEqual({ order: String(id), method: 'GET' });
        }
      } finally {
        await studio.services.proxy.stop();
      }
    },
    SLOW,
  );

  it(
    'saves to the library, exports, deletes, imports again, and opens a built-in',
    async () => {
      await setTemplate('{"saved": "{{now}}"}');
      await page.click('button:has-text("Save to library…")');
      await page.fill('dialog input >> nth=0', 'e2e-order');
      await page.fill('dialog input >> nth=1', 'E2E order');
      await page.fill('dialog input >> nth=2', 'E2E');
      await page.fill('dialog input >> nth=4', '201');
      await page.click('dialog button[type="submit"]');
      await waitForToast('Saved E2E order');
      await page.click('[role="tab"]:has-text("Library")');
      await page.selectOption('.template-library select', 'E2E');
      expect(await page.textContent('[data-template="e2e-order"]')).toContain('yours');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('button:has-text("Export (1)")'),
      ]);
      const exported = await fs.readFile(await download.path(), 'utf8');
      expect(JSON.parse(exported)).toMatchObject({
        version: 1,
        templates: [{ id: 'e2e-order', status: 201, body: '{"saved": "{{now}}"}' }],
      });

      await page.click('button[aria-label="Delete E2E order"]');
      await page.click('dialog[open] button[type="submit"]');
      await waitForToast('Deleted template e2e-order');
      await page.selectOption('.template-library select', '');
      await expect.poll(() => page.locator('[data-template="e2e-order"]').count()).toBe(0);

      const file = `${studio.root}/e2e-templates.json`;
      await fs.writeFile(file, exported);
      await page.setInputFiles('[data-testid="template-import-input"]', file);
      await waitForToast('Imported 1 template(s)');
      await expect.poll(() => page.locator('[data-template="e2e-order"]').count()).toBe(1);

      await page.click('button[aria-label="Open Current server time"]');
      const { responseTemplates } = await gqlData(studio.url, '{ responseTemplates { id body } }');
      const serverTime = responseTemplates.find(
        (item: { id: string }) => item.id === 'server-time',
      );
      await expect.poll(body).toBe(serverTime.body);
      await expect.poll(() => page.textContent('[data-testid="template-valid"]')).toBe('valid');
      await screenshotBothThemes(page, 'templates-library');
      expect(await seriousAxeViolations(page)).toEqual([]);
    },
    SLOW,
  );

  it(
    'adds a custom helper, uses it in the preview, and removes it',
    async () => {
      await page.click('[role="tab"]:has-text("Custom")');
      expect(await page.textContent('.custom-helpers')).toContain('No custom helper yet.');
      await page.fill('.custom-helpers input >> nth=0', 'shout');
      await page.fill('.custom-helpers input >> nth=1', 'Upper-cases its argument');
      await page.waitForSelector('.custom-helpers .monaco-editor');
      await page.click('.custom-helpers button:has-text("Add helper")');
      await waitForToast('Helper shout added');
      await page.waitForSelector('[data-custom-helper="shout"]');
      await page.fill('input[list]', 'text/plain');
      await setTemplate('{{shout "hey"}}');
      await expect.poll(() => page.textContent('[data-testid="template-preview"]')).toBe('HEY');
      await page.click('[role="tab"]:has-text("Helpers")');
      await page.fill('input[aria-label="Find a helper"]', 'shout');
      expect(await page.textContent('[data-helper="shout"]')).toContain('custom');

      await page.click('[role="tab"]:has-text("Custom")');
      await page.click('button[aria-label="Remove shout"]');
      await page.click('dialog[open] button[type="submit"]');
      await waitForToast('Helper shout removed');
      await expect.poll(() => page.locator('[data-custom-helper="shout"]').count()).toBe(0);
      await expect
        .poll(() => page.textContent('[data-testid="template-errors"]'))
        .toContain('shout');
    },
    SLOW,
  );

  it(
    'formats a JSON template, goes full screen and back',
    async () => {
      await setTemplate('{"a":1,"n":{{now_timestamp}},"b":["{{uuid}}"]}');
      await page.click('button:has-text("Format")');
      await expect
        .poll(body)
        .toBe('{\n  "a": 1,\n  "n": {{now_timestamp}},\n  "b": [\n    "{{uuid}}"\n  ]\n}');

      await page.click('button:has-text("Full screen")');
      const box = await page.locator('[data-testid="template-studio"]').boundingBox();
      expect(box).toEqual({ x: 0, y: 0, width: 1280, height: 800 });
      expect(await page.locator('.studio-toolbar [data-testid="theme-toggle"]').count()).toBe(1);
      await screenshotBothThemes(page, 'templates-full-screen');
      await page.click('button:has-text("Exit full screen")');
      expect(await page.getAttribute('[data-testid="template-studio"]', 'class')).toBe(
        'template-studio',
      );
    },
    SLOW,
  );

  it('looks right in both themes, without accessibility violations', async () => {
    await screenshotBothThemes(page, 'templates');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await pageErrors(page)).toEqual([]);
  });
});
