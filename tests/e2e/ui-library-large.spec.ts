/**
 * The library with 10,000 cassettes: the table renders only the rows in view and fetches only the
 * pages they need, wherever the user scrolls.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pageErrors } from './support/browser';
import { type E2eStudio } from './support/studio';
import { useUiSession } from './support/ui-session';

const FILES = 10_000;
let studio: E2eStudio;
let page: Page;

useUiSession({ studio: { files: FILES } }, (session) => ({ studio, page } = session));

const visibleNames = (): Promise<string[]> =>
  page.$$eval('[role="row"][data-name]', (rows) =>
    rows.map((row) => row.getAttribute('data-name') ?? ''),
  );

describe('a library of 10,000 cassettes', () => {
  it('keeps the DOM small and fetches only the pages scrolled to', async () => {
    const pageRequests: string[] = [];
    page.on('request', (request) => {
      const body = request.postData() ?? '';
      if (body.includes('query LibraryPage')) pageRequests.push(body);
    });
    await page.goto(`${studio.url}/#/cassettes`);
    await page.waitForSelector('[role="row"][data-name]');
    await expect
      .poll(() => page.textContent('[data-testid="library-count"]'))
      .toBe('10,010 cassettes');
    expect(await page.getAttribute('[data-testid="cassette-table"]', 'aria-rowcount')).toBe(
      '10011',
    );

    await page.$eval('.table-scroller', (element) => element.scrollTo(0, 5000 * 44));
    await expect.poll(visibleNames).toContain('load-04990');
    await page.$eval('.table-scroller', (element) => element.scrollTo(0, element.scrollHeight));
    await expect.poll(async () => (await visibleNames()).includes('websocket-chat')).toBe(true);

    expect(await page.locator('[role="row"][data-name]').count()).toBeLessThan(60);
    // The first page, the two around row 5,000 and the last one or two: never the whole library.
    expect(pageRequests.length).toBeLessThanOrEqual(8);
    expect(await pageErrors(page)).toEqual([]);
  });

  it('shift-selects a range across pages that were never loaded', async () => {
    await page.$eval('.table-scroller', (element) => element.scrollTo(0, 0));
    await page.click('input[aria-label="Select load-00000"]');
    await page.$eval('.table-scroller', (element) => element.scrollTo(0, 5000 * 44));
    await expect.poll(visibleNames).toContain('load-05000');
    await page.click('input[aria-label="Select load-05000"]', { modifiers: ['Shift'] });
    await expect
      .poll(() => page.textContent('[data-testid="selection-count"]'))
      .toBe('5,001 selected');
    expect(await page.getAttribute('[role="row"][data-name="load-04990"]', 'aria-selected')).toBe(
      'true',
    );
    expect(await pageErrors(page)).toEqual([]);
  });
});
