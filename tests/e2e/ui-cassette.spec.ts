/**
 * The cassette page against the real headless studio: header facts, rename, tags, settings, the
 * interaction viewer (HTTP, binary, WebSocket), interaction edits, templates, raw JSON, deletion;
 * screenshots and axe on each tab.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { gqlData } from '../integration/api/api-harness';
import { pageErrors, screenshotBothThemes, seriousAxeViolations } from './support/browser';
import { type E2eStudio } from './support/studio';
import { useUiSession } from './support/ui-session';

let studio: E2eStudio;
let page: Page;

useUiSession({ pagePerTest: true }, (session) => ({ studio, page } = session));

async function openCassette(name: string, tab?: string): Promise<void> {
  await page.goto(`${studio.url}/#/cassettes/${encodeURIComponent(name)}`);
  await page.waitForSelector('[role="tablist"]');
  if (tab !== undefined) await page.click(`[role="tab"]:has-text("${tab}")`);
}

async function waitForToast(text: string): Promise<void> {
  await page.waitForSelector(`[data-testid="toast"]:has-text("${text}")`);
}

const interaction = (id: string): string => `[data-interaction="${id}"]`;

/** The whole text of the open dialog's Monaco editor, through the clipboard. */
async function editorText(): Promise<string> {
  await page.click('dialog[open] .monaco-editor .view-lines');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Replaces the text of the open dialog's Monaco editor, pasted as a user would. */
async function replaceEditorText(text: string): Promise<void> {
  await page.evaluate((pasted) => navigator.clipboard.writeText(pasted), text);
  await page.click('dialog[open] .monaco-editor .view-lines');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
}

describe('cassette page', () => {
  it('shows the header facts and the overview, in both themes, accessibly', async () => {
    await openCassette('http-basic');
    expect(await page.inputValue('input[aria-label="Cassette name"]')).toBe('http-basic');
    const { cassette } = await gqlData(studio.url, '{ cassette(name: "http-basic") { version } }');
    expect(await page.textContent('.cassette-header')).toContain(`v${cassette.version}`);
    expect(await page.textContent('[data-testid="cassette-stats"]')).toContain('Interactions5');
    expect(await page.locator('.preview-list li').count()).toBe(5);
    await screenshotBothThemes(page, 'cassette-overview');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await pageErrors(page)).toEqual([]);
  });

  it('filters, searches and expands interactions; formats JSON; colours statuses', async () => {
    await openCassette('http-basic', 'Interactions');
    await page.waitForSelector('[data-testid="interaction-list"]');
    expect(await page.textContent('[data-testid="interaction-count"]')).toBe('5 of 5');
    await page.fill('input[aria-label="Search URLs, headers and bodies"]', 'does-not-exist');
    await expect.poll(() => page.textContent('[data-testid="interaction-count"]')).toBe('1 of 5');
    await page.click('.interaction-toggle');
    expect(await page.getAttribute('[data-status-class="4xx"]', 'class')).toContain(
      'badge-warning',
    );
    await page.fill('input[aria-label="Search URLs, headers and bodies"]', 'test-token-0001');
    await expect.poll(() => page.textContent('[data-testid="interaction-count"]')).toBe('2 of 5');
    await page.fill('input[aria-label="Search URLs, headers and bodies"]', '');
    await page.click('button:has-text("Expand all")');
    await expect.poll(() => page.locator('.interaction-panel').count()).toBe(5);
    const body = await page.textContent('pre[aria-label="Response body"] >> nth=0');
    expect(body).toContain('\n  "'); // indented JSON
    expect(await page.locator('[data-status-class="2xx"]').count()).toBeGreaterThan(0);
    await screenshotBothThemes(page, 'cassette-interactions');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.click('button:has-text("Collapse all")');
    expect(await page.locator('.interaction-panel').count()).toBe(0);
    await page.selectOption('select[aria-label="Kind"]', 'WebSocket');
    expect(await page.textContent('[data-testid="interaction-count"]')).toBe('0 of 5');
    expect(await page.textContent('[data-testid="empty-state"]')).toContain(
      'No interaction matches.',
    );
  });

  it('shows binary bodies as an image or hex, and WebSocket messages as a timeline', async () => {
    await openCassette('http-binary', 'Interactions');
    await page.click('button:has-text("Expand all")');
    await page.waitForSelector('img.body-image');
    expect(await page.getAttribute('img.body-image', 'src')).toMatch(/^data:image\/png;base64,/);
    await openCassette('websocket-chat', 'Interactions');
    await page.click('button:has-text("Expand all")');
    await page.waitForSelector('.ws-timeline');
    const first = await page.textContent('.ws-message >> nth=0');
    expect(first).toContain('↑ sent');
    expect(first).toContain('+0 ms');
    expect(await page.locator('.ws-received').count()).toBeGreaterThan(0);
    await screenshotBothThemes(page, 'cassette-websocket');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('renames in place, edits tags and description, and saves', async () => {
    await openCassette('mixed-with-cookies');
    await page.fill('input[aria-label="Cassette name"]', 'cookies-session');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/cassettes\/cookies-session$/);
    await waitForToast('Renamed mixed-with-cookies');
    await expect.poll(() => fs.readdir(studio.cassetteDir)).toContain('cookies-session.json');
    expect(await fs.readdir(studio.cassetteDir)).not.toContain('mixed-with-cookies.json');

    await page.waitForSelector('input[aria-label="Add a tag"]');
    await page.fill('input[aria-label="Add a tag"]', 'session');
    await page.keyboard.press('Enter');
    await page.fill(
      '.header-edit label:has-text("Description") input',
      'Login, profile, live feed',
    );
    await page.click('button.btn-primary:has-text("Save")');
    await waitForToast('Saved cookies-session');
    const { cassette } = await gqlData(
      studio.url,
      '{ cassette(name: "cookies-session") { metadata { tags description } } }',
    );
    expect(cassette.metadata).toEqual({
      tags: ['session'],
      description: 'Login, profile, live feed',
    });
    expect(await page.isDisabled('button.btn-primary:has-text("Save")')).toBe(true);
  });

  it('changes the mode, matching and redaction settings', async () => {
    await openCassette('http-errors', 'Settings');
    await page.selectOption('label:has-text("Record mode") select', 'replay');
    await page.fill('label:has-text("Query parameters to ignore") input', 'ts, nonce');
    await page.selectOption('label:has-text("Body comparison") select', 'json');
    await page.fill('label:has-text("Body fields to hide") input', 'password');
    await screenshotBothThemes(page, 'cassette-settings');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.click('button.btn-primary:has-text("Save")');
    await waitForToast('Saved http-errors');
    const { cassette } = await gqlData(
      studio.url,
      '{ cassette(name: "http-errors") { metadata { settings } } }',
    );
    expect(cassette.metadata.settings).toMatchObject({
      mode: 'replay',
      matching: { ignoreQueryParams: ['ts', 'nonce'], body: 'json' },
      redaction: { bodyFields: ['password'] },
    });
  });

  it('edits an interaction in Monaco: refuses invalid JSON and a bad interaction at their line, saves a good one', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await openCassette('http-basic', 'Interactions');
    const { cassette } = await gqlData(
      studio.url,
      '{ cassette(name: "http-basic") { interactions { id } } }',
    );
    const id = cassette.interactions[0].id as string;
    await page.click(`${interaction(id)} .interaction-toggle`);
    await page.click(`${interaction(id)} button:has-text("Edit")`);
    await page.waitForSelector('dialog[open] .monaco-editor .view-lines');
    const original = await editorText();
    expect(JSON.parse(original)).toMatchObject({ kind: 'Http', response: { status: 200 } });
    const save = 'dialog button[type="submit"]';

    await replaceEditorText('{\n  "kind": "Http",\n  "request": {\n}');
    await page.click(save);
    expect(await page.textContent('#interaction-problem')).toBe(
      "Not valid JSON: Expected ',' or '}' (line 4, column 2)",
    );
    expect(await page.isDisabled(save)).toBe(true);
    await page.waitForSelector('dialog[open] .monaco-editor .squiggly-error');
    await screenshotBothThemes(page, 'cassette-edit-invalid');
    expect(await seriousAxeViolations(page)).toEqual([]);

    const wrong = JSON.parse(original);
    wrong.response.status = 'ok';
    const wrongText = JSON.stringify(wrong, null, 2);
    await replaceEditorText(wrongText);
    await page.click(save);
    const statusLine = wrongText.split('\n').findIndex((line) => line.includes('"status"')) + 1;
    expect(await page.textContent('#interaction-problem')).toMatch(
      new RegExp(`^response\\.status: .* \\(line ${statusLine}, column 5\\)$`),
    );
    const onDisk = async () =>
      JSON.parse(await fs.readFile(path.join(studio.cassetteDir, 'http-basic.json'), 'utf8'));
    expect((await onDisk()).interactions[0].response.status).toBe(200);

    const edited = JSON.parse(original);
    edited.response.status = 203;
    await replaceEditorText(JSON.stringify(edited, null, 2));
    await page.click(save);
    await waitForToast(`Interaction ${id} saved`);
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
    await expect.poll(async () => (await onDisk()).interactions[0].response.status).toBe(203);

    await page.click(`${interaction(id)} button:has-text("Duplicate")`);
    await waitForToast(`Interaction ${id} duplicated`);
    await expect.poll(() => page.textContent('[data-testid="interaction-count"]')).toBe('6 of 6');

    await page.click(`${interaction(id)} button:has-text("Apply template…")`);
    await page.waitForSelector('dialog select');
    await page.click('dialog button[type="submit"]');
    await waitForToast('Template applied');
    const templated = await gqlData(
      studio.url,
      `{ cassette(name: "http-basic") { interaction(id: "${id}") { response { hasTemplates } } } }`,
    );
    expect(templated.cassette.interaction.response.hasTemplates).toBe(true);
    await expect.poll(() => page.textContent(interaction(id))).toContain('Has templates');

    await page.click(`${interaction(id)} button.btn-danger:has-text("Delete")`);
    await page.click('dialog[open] button[type="submit"]');
    await waitForToast(`Interaction ${id} deleted`);
    await expect.poll(() => page.textContent('[data-testid="interaction-count"]')).toBe('5 of 5');
  });

  it('shows the raw JSON read-only in Monaco and copies it', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await openCassette('websocket-chat', 'Raw JSON');
    await page.waitForSelector('[data-testid="raw-json"] .monaco-editor .view-lines');
    const lines = page.locator('[data-testid="raw-json"] .view-lines');
    // Monaco renders spaces as no-break spaces.
    const shown = async () => ((await lines.textContent()) ?? '').replace(/\u00a0/g, ' ');
    await expect.poll(shown).toContain('"name": "websocket-chat"');
    await page.click('[data-testid="raw-json"] .view-lines');
    await page.keyboard.insertText('typed into a read-only editor');
    expect(await shown()).not.toContain('typed into');
    // Tab leaves a read-only editor, for keyboard users.
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => document.activeElement?.closest('.monaco-editor') === null),
    ).toBe(true);
    await page.click('button[aria-label="Copy the cassette JSON"]');
    await waitForToast('Copied to the clipboard');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const stored = await fs.readFile(path.join(studio.cassetteDir, 'websocket-chat.json'), 'utf8');
    expect(JSON.parse(copied)).toEqual(JSON.parse(stored));
    // A change made elsewhere shows in place, in the same editor (the mark stays on its element).
    await page.$eval('[data-testid="raw-json"] .monaco-editor', (element) =>
      element.setAttribute('data-mark', 'before'),
    );
    await gqlData(
      studio.url,
      'mutation { updateCassette(name: "websocket-chat", input: { description: "edited elsewhere" }) { name } }',
    );
    await expect.poll(shown).toContain('"description": "edited elsewhere"');
    expect(await page.locator('[data-testid="raw-json"] .monaco-editor[data-mark]').count()).toBe(
      1,
    );
    await screenshotBothThemes(page, 'cassette-raw');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await pageErrors(page)).toEqual([]);
  });

  it('exports from the page and deletes the cassette after confirmation', async () => {
    await openCassette('talkback-upload');
    await page.click('summary:has-text("Export")');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('.menu[open] button:has-text("HAR")'),
    ]);
    const file = path.join(studio.root, 'downloads', download.suggestedFilename());
    await download.saveAs(file);
    expect(JSON.parse(await fs.readFile(file, 'utf8')).log.entries.length).toBeGreaterThan(0);
    await page.click('.page-actions button.btn-danger:has-text("Delete")');
    await page.click('dialog[open] button[type="submit"]');
    await page.waitForURL(/#\/cassettes$/);
    await waitForToast('Deleted talkback-upload');
    expect(await fs.readdir(studio.cassetteDir)).not.toContain('talkback-upload.json');
  });

  it('says so when the cassette does not exist', async () => {
    await page.goto(`${studio.url}/#/cassettes/no-such-cassette`);
    await page.waitForSelector('[data-testid="error-state"]');
    expect(await page.textContent('[data-testid="error-state"]')).toContain('no-such-cassette');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
