/**
 * The cassette page against the real headless studio: header facts, rename, tags, settings, the
 * interaction viewer (HTTP, binary, WebSocket), interaction edits, templates, raw JSON, deletion;
 * screenshots and axe on each tab.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gqlData } from '../integration/api/api-harness';
import {
  launchBrowser,
  openPage,
  pageErrors,
  screenshotBothThemes,
  seriousAxeViolations,
} from './support/browser';
import { startE2eStudio, type E2eStudio } from './support/studio';

let studio: E2eStudio;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  studio = await startE2eStudio();
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await studio?.close();
});

beforeEach(async () => {
  await page?.context().close();
  page = await openPage(browser);
});

async function openCassette(name: string, tab?: string): Promise<void> {
  await page.goto(`${studio.url}/#/cassettes/${encodeURIComponent(name)}`);
  await page.waitForSelector('[role="tablist"]');
  if (tab !== undefined) await page.click(`[role="tab"]:has-text("${tab}")`);
}

async function waitForToast(text: string): Promise<void> {
  await page.waitForSelector(`[data-testid="toast"]:has-text("${text}")`);
}

const interaction = (id: string): string => `[data-interaction="${id}"]`;

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

  it('edits an interaction as validated JSON, duplicates it, applies a template, deletes it', async () => {
    await openCassette('http-basic', 'Interactions');
    const { cassette } = await gqlData(
      studio.url,
      '{ cassette(name: "http-basic") { interactions { id } } }',
    );
    const id = cassette.interactions[0].id as string;
    await page.click(`${interaction(id)} .interaction-toggle`);
    await page.click(`${interaction(id)} button:has-text("Edit")`);
    const editor = 'textarea[aria-label="Interaction JSON"]';
    const original = await page.inputValue(editor);
    await page.fill(editor, '{ "kind": "Http", "request": {');
    await page.click('dialog button[type="submit"]');
    expect(await page.textContent('#interaction-problem')).toMatch(/^Not valid JSON/);
    const wrong = JSON.parse(original);
    wrong.response.status = 'ok';
    await page.fill(editor, JSON.stringify(wrong));
    await page.click('dialog button[type="submit"]');
    expect(await page.textContent('#interaction-problem')).toMatch(/^response\.status/);
    const edited = JSON.parse(original);
    edited.response.status = 203;
    await page.fill(editor, JSON.stringify(edited, null, 2));
    await page.click('dialog button[type="submit"]');
    await waitForToast(`Interaction ${id} saved`);
    const after = await gqlData(
      studio.url,
      `{ cassette(name: "http-basic") { interaction(id: "${id}") { response { status } } } }`,
    );
    expect(after.cassette.interaction.response.status).toBe(203);

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

  it('shows the raw JSON read-only and copies it', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await openCassette('websocket-chat', 'Raw JSON');
    await page.waitForSelector('[data-testid="raw-json"]');
    const text = (await page.textContent('[data-testid="raw-json"]')) ?? '';
    expect(JSON.parse(text).name).toBe('websocket-chat');
    await page.click('button:has-text("Copy to clipboard")');
    await waitForToast('Copied to the clipboard');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    await screenshotBothThemes(page, 'cassette-raw');
    expect(await seriousAxeViolations(page)).toEqual([]);
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
