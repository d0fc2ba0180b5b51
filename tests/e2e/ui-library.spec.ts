/**
 * The cassette library against the real headless studio: paging, sorting, filtering, searching,
 * create/edit/duplicate/delete, exports checked on disk, bulk actions, drag-and-drop import, cards
 * on narrow windows, screenshots and axe.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { gqlData } from '../integration/api/api-harness';
import { pageErrors, screenshotBothThemes, seriousAxeViolations } from './support/browser';
import { IMPORT_FIXTURES_DIR, type E2eStudio } from './support/studio';
import { useUiSession } from './support/ui-session';

const SYNTHETIC = 150;
let studio: E2eStudio;
let page: Page;

useUiSession(
  { studio: { synthetic: SYNTHETIC }, pagePerTest: true },
  (session) => ({ studio, page } = session),
);

const rowNames = (): Promise<string[]> =>
  page.$$eval('[data-testid="cassette-table"] [role="row"][data-name]', (rows) =>
    rows
      .map((row) => ({
        name: row.getAttribute('data-name') ?? '',
        index: Number(row.getAttribute('data-index')),
      }))
      .sort((a, b) => a.index - b.index)
      .map((row) => row.name),
  );

async function openLibrary(): Promise<void> {
  await page.goto(`${studio.url}/#/cassettes`);
  await page.waitForSelector('[data-testid="cassette-table"] [role="row"][data-name]');
}

async function cassetteNames(filter = '{}'): Promise<string[]> {
  const data = await gqlData(studio.url, `{ cassettes(filter: ${filter}) { items { name } } }`);
  return (data.cassettes.items as Array<{ name: string }>).map((item) => item.name);
}

const countText = (): Promise<string | null> => page.textContent('[data-testid="library-count"]');

async function waitForToast(text: string): Promise<void> {
  await page.waitForSelector(`[data-testid="toast"]:has-text("${text}")`);
}

describe('cassette library', () => {
  it('pages through every cassette from the server as the table scrolls', async () => {
    await openLibrary();
    const total = (await cassetteNames()).length;
    await expect.poll(countText).toBe(`${total} cassettes`);
    expect((await rowNames())[0]).toBe('bulk-000');
    expect(await page.locator('[role="row"][data-name]').count()).toBeLessThan(60);
    await page.$eval('.table-scroller', (element) => element.scrollTo(0, element.scrollHeight));
    await expect.poll(async () => (await rowNames()).at(-1)).toBe('websocket-chat');
    await page.$eval('.table-scroller', (element) => element.scrollTo(0, 0));
    await expect.poll(async () => (await rowNames())[0]).toBe('bulk-000');
    await screenshotBothThemes(page, 'library');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await pageErrors(page)).toEqual([]);
  });

  it('moves between rows with the arrow keys and opens one with Enter', async () => {
    await openLibrary();
    await page.focus('[data-index="0"] .row-link');
    const focused = (): Promise<string | null | undefined> =>
      page.evaluate(() => document.activeElement?.textContent);
    await page.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe('bulk-001');
    await page.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe('bulk-002');
    await page.keyboard.press('ArrowUp');
    await expect.poll(focused).toBe('bulk-001');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/cassettes\/bulk-001$/);
  });

  it('says when no cassette matches, with a way to reset', async () => {
    await openLibrary();
    await page.fill('input[aria-label="Filter by name"]', 'nothing-is-called-this');
    await page.waitForSelector('[data-testid="empty-state"]');
    expect(await page.textContent('[data-testid="empty-state"]')).toContain(
      'No cassette matches these filters.',
    );
    await page.click('[data-testid="empty-state"] button:has-text("Reset filters")');
    await page.waitForSelector('[role="row"][data-name]');
    expect(await page.inputValue('input[aria-label="Filter by name"]')).toBe('');
  });

  it('sorts by one column, reverses, and adds further keys with shift-click', async () => {
    await openLibrary();
    await page.click('[role="columnheader"] button:has-text("Size")');
    await expect
      .poll(() => page.getAttribute('[role="columnheader"]:has-text("Size")', 'aria-sort'))
      .toBe('ascending');
    await page.click('[role="columnheader"] button:has-text("Size")');
    await expect.poll(async () => (await rowNames())[0]).toBe('large-1000');
    await page.click('[role="columnheader"] button:has-text("Interactions")');
    await page.click('[role="columnheader"] button:has-text("Name")', { modifiers: ['Shift'] });
    await page.click('[role="columnheader"] button:has-text("Name")', { modifiers: ['Shift'] });
    // Interactions ascending, then name descending among equals: bulk cassettes have 1 to 4.
    await expect
      .poll(async () => (await rowNames()).slice(0, 2))
      .toEqual(['talkback-upload', 'bulk-148']);
    expect(await page.getAttribute('[role="columnheader"]:has-text("Name")', 'aria-sort')).toBe(
      'descending',
    );
    await page.reload();
    await page.waitForSelector('[role="row"][data-name]');
    expect((await rowNames())[0]).toBe('talkback-upload');
    await page.click('[role="columnheader"] button:has-text("Name")');
  });

  it('filters by name, full text, tags, size and interactions; keeps them; resets', async () => {
    await openLibrary();
    await page.fill('input[aria-label="Filter by name"]', 'http');
    await expect.poll(countText).toBe('3 cassettes');
    expect(await rowNames()).toEqual(['http-basic', 'http-binary', 'http-errors']);
    await page.fill('input[aria-label="Filter by name"]', '');
    await page.fill('input[aria-label="Full-text search"]', 'ticker');
    await expect.poll(rowNames).toEqual(['websocket-chat']);
    await page.fill('input[aria-label="Full-text search"]', '');
    await page.click('button:has-text("Filters")');
    await page.fill('input[aria-label="Filter by tag"]', 'api');
    await page.keyboard.press('Enter');
    await expect.poll(rowNames).toEqual(['http-basic']);
    await page.click('button[aria-label="Remove tag api"]');
    await page.fill('fieldset:has(legend:has-text("Interactions")) input >> nth=0', '5');
    await expect.poll(rowNames).toEqual(['http-basic', 'http-errors', 'large-1000']);
    await page.fill('fieldset:has(legend:has-text("Size")) input >> nth=0', '1000');
    await expect.poll(rowNames).toEqual(['large-1000']);
    await page.reload();
    await page.waitForSelector('[role="row"][data-name]');
    expect(await rowNames()).toEqual(['large-1000']);
    expect(await page.textContent('button[aria-controls="library-filters"]')).toBe('Filters (2)');
    await page.click('button:has-text("Reset")');
    await expect.poll(countText).toBe(`${SYNTHETIC + 10} cassettes`);
  });

  it('creates a cassette, quick-edits its tags, duplicates it and deletes the copy', async () => {
    await openLibrary();
    await page.click('button:has-text("New cassette")');
    await page.fill('dialog input >> nth=0', 'checkout-flow');
    await page.fill('dialog input >> nth=1', 'Made in the e2e test');
    await page.click('dialog button[type="submit"]');
    await page.waitForURL(/#\/cassettes\/checkout-flow$/);
    await waitForToast('Created checkout-flow');
    expect(await cassetteNames()).toContain('checkout-flow');

    await openLibrary();
    await page.fill('input[aria-label="Filter by name"]', 'checkout');
    await expect.poll(rowNames).toEqual(['checkout-flow']);
    await page.click('button[aria-label="Quick edit checkout-flow"]');
    await page.fill('dialog input[aria-label="Add a tag"]', 'e2e, shop');
    await page.keyboard.press('Enter');
    await page.click('dialog button[type="submit"]');
    await waitForToast('Saved checkout-flow');
    await expect
      .poll(() => page.textContent('[data-name="checkout-flow"] .cell-tags'))
      .toBe('e2eshop');
    const { cassette } = await gqlData(
      studio.url,
      '{ cassette(name: "checkout-flow") { metadata { tags description } } }',
    );
    expect(cassette.metadata).toEqual({
      tags: ['e2e', 'shop'],
      description: 'Made in the e2e test',
    });

    await page.click('summary[aria-label="More actions for checkout-flow"]');
    await page.click('button:has-text("Duplicate…")');
    expect(await page.inputValue('dialog input')).toBe('checkout-flow-copy');
    await page.click('dialog button[type="submit"]');
    await expect.poll(rowNames).toEqual(['checkout-flow', 'checkout-flow-copy']);

    await page.click('summary[aria-label="More actions for checkout-flow-copy"]');
    await page.click('.menu[open] button:has-text("Delete…")');
    expect(await page.textContent('dialog h2')).toBe('Delete checkout-flow-copy?');
    await page.click('dialog button[type="submit"]');
    await expect.poll(rowNames).toEqual(['checkout-flow']);
    expect(await cassetteNames()).not.toContain('checkout-flow-copy');
  });

  it('exports a cassette as JSON, HAR and MessagePack, saved on disk', async () => {
    await openLibrary();
    await page.fill('input[aria-label="Filter by name"]', 'http-basic');
    await expect.poll(rowNames).toEqual(['http-basic']);
    const save = async (label: string): Promise<{ name: string; bytes: Buffer }> => {
      await page.click('summary[aria-label="More actions for http-basic"]');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click(`.menu[open] button:has-text("${label}")`),
      ]);
      const file = path.join(studio.root, 'downloads', download.suggestedFilename());
      await download.saveAs(file);
      return { name: download.suggestedFilename(), bytes: await fs.readFile(file) };
    };
    await page.click('summary[aria-label="More actions for http-basic"]');
    expect(await page.locator('.menu[open]').count()).toBe(1);
    await page.keyboard.press('Escape');
    expect(await page.locator('.menu[open]').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'More actions for http-basic',
    );
    const json = await save('Export as JSON');
    expect(json.name).toBe('http-basic.json');
    const document = JSON.parse(json.bytes.toString('utf8'));
    expect(document.name).toBe('http-basic');
    expect(document.interactions).toHaveLength(5);
    const har = await save('Export as HAR');
    expect(har.name).toMatch(/\.har$/);
    expect(JSON.parse(har.bytes.toString('utf8')).log.entries).toHaveLength(5);
    const msgpack = await save('Export as MessagePack');
    expect(msgpack.name).toBe('http-basic.msgpack');
    expect(msgpack.bytes.length).toBeGreaterThan(100);
    const download = await save('Download');
    expect(download.bytes.equals(json.bytes)).toBe(true);
  });

  it('selects a range with shift-click from the row clicked last, and clears part of it the same way', async () => {
    await openLibrary();
    const names = (await rowNames()).slice(0, 8);
    const box = (index: number): string => `input[aria-label="Select ${names[index]}"]`;
    const selected = (): Promise<string[]> =>
      page.$$eval('[role="row"][aria-selected="true"]', (rows) =>
        rows.map((row) => row.getAttribute('data-name') ?? ''),
      );
    await page.click(box(1));
    await page.click(box(5), { modifiers: ['Shift'] });
    await expect.poll(selected).toEqual(names.slice(1, 6));
    expect(await page.textContent('[data-testid="selection-count"]')).toBe('5 selected');
    await screenshotBothThemes(page, 'library-range-selected');
    // From the anchor (row 5) up to row 3: row 3 was selected, so the range is cleared.
    await page.click(box(3), { modifiers: ['Shift'] });
    await expect.poll(selected).toEqual(names.slice(1, 3));
    // A plain click toggles one row and moves the anchor; a shift-click below selects down to it.
    await page.click(box(7));
    await page.click(box(6), { modifiers: ['Shift'] });
    await expect.poll(selected).toEqual([...names.slice(1, 3), ...names.slice(6, 8)]);
    await page.click('input[aria-label="Select all matching cassettes"]');
    await expect.poll(selected).toEqual([]);
  });

  it('selects all matching cassettes, tags them, exports them as a zip and deletes them', async () => {
    await openLibrary();
    await page.fill('input[aria-label="Filter by name"]', 'bulk-1');
    const matching = (await cassetteNames('{ nameContains: "bulk-1" }')).sort();
    await expect.poll(countText).toBe(`${matching.length} cassettes`);
    // Selecting every match takes a query: the box is checked when it answers.
    await page.click('input[aria-label="Select all matching cassettes"]');
    await expect
      .poll(() => page.textContent('[data-testid="selection-count"]'))
      .toBe(`${matching.length} selected`);

    await page.click('button:has-text("Tag…")');
    await page.fill('dialog input[aria-label="Tag to add"]', 'bulk-tagged');
    await page.keyboard.press('Enter');
    await page.click('dialog button[type="submit"]');
    await waitForToast(`Tagged ${matching.length} cassette(s)`);
    expect((await cassetteNames('{ tags: ["bulk-tagged"] }')).sort()).toEqual(matching);

    await page.click('button:has-text("Export…")');
    await page.selectOption('dialog select', 'MagnetoV1');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('dialog button[type="submit"]'),
    ]);
    const zipFile = path.join(studio.root, 'downloads', download.suggestedFilename());
    await download.saveAs(zipFile);
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    const entries = Object.keys(unzipSync(new Uint8Array(await fs.readFile(zipFile))));
    expect(entries).toHaveLength(matching.length);

    await page.click('.bulk-bar button:has-text("Delete…")');
    await page.click('dialog button[type="submit"]');
    await waitForToast(`Deleted ${matching.length} cassette(s)`);
    await expect.poll(countText).toBe('0 cassettes');
    expect(await cassetteNames('{ nameContains: "bulk-1" }')).toEqual([]);
  });

  it('imports files dropped anywhere, with a toast per file and a clear error for other files', async () => {
    await page.goto(`${studio.url}/#/`);
    await page.waitForSelector('[data-testid="dashboard"]');
    const files = await Promise.all(
      ['chrome-devtools.har', 'talkback-user.json5'].map(async (name) => ({
        name,
        content: await fs.readFile(path.join(IMPORT_FIXTURES_DIR, name), 'utf8'),
      })),
    );
    const polly = JSON.parse(
      await fs.readFile(path.join(IMPORT_FIXTURES_DIR, 'polly-recording.har'), 'utf8'),
    );
    polly.log._recordingName = 'Checkout / Pay with card';
    files.push({ name: 'pay-with-card.har', content: JSON.stringify(polly) });
    files.push({ name: 'notes.txt', content: 'just some notes, not a cassette' });
    await page.evaluate((dropped) => {
      const transfer = new DataTransfer();
      for (const file of dropped) transfer.items.add(new File([file.content], file.name));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        document.body.dispatchEvent(
          new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
      }
    }, files);
    await waitForToast('notes.txt was not imported');
    const toasts = await page.$$eval('[data-testid="toast"]', (nodes) =>
      nodes.map((node) => node.textContent ?? ''),
    );
    expect(toasts).toHaveLength(4);
    expect(toasts[0]).toMatch(/^Imported chrome-devtools.*HAR/);
    expect(toasts[1]).toMatch(/^Imported .*Talkback/);
    // Its own recording name has "/": the file name names it.
    expect(toasts[2]).toMatch(/^Imported pay-with-cardpay-with-card\.har: HAR/);
    expect(toasts[3]).toMatch(/notes\.txt was not imported/);
    expect(await page.getAttribute('[data-testid="toast"]:has-text("notes.txt")', 'role')).toBe(
      'alert',
    );
    expect(await cassetteNames('{ nameContains: "chrome-devtools" }')).toEqual(['chrome-devtools']);
    expect(await fs.readdir(studio.cassetteDir)).toContain('pay-with-card.json');
  });

  it('shows cards instead of the table in a narrow window', async () => {
    await page.setViewportSize({ width: 600, height: 900 });
    await page.goto(`${studio.url}/#/cassettes`);
    await page.waitForSelector('[data-testid="cassette-cards"] article');
    expect(await page.locator('[data-testid="cassette-table"]').count()).toBe(0);
    await screenshotBothThemes(page, 'library-narrow');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
