/**
 * The live traffic page against the real headless studio while a test client drives the proxy:
 * recorded, replayed, missed and passthrough exchanges as they happen, the detail pane, a miss's
 * near-miss panel with "record this" and "open cassette", filter, pause, clear, a burst of
 * exchanges (the list stays virtualized), screenshots and axe.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  openPage,
  pageErrors,
  screenshotBothThemes,
  seriousAxeViolations,
} from './support/browser';
import { startE2eStudio, type E2eStudio } from './support/studio';
import { getViaProxy, startUpstream, type Upstream } from './support/traffic';

let studio: E2eStudio;
let upstream: Upstream;
let browser: Browser;
let page: Page;
let port: number;

beforeAll(async () => {
  studio = await startE2eStudio();
  upstream = await startUpstream();
  browser = await launchBrowser();
  const status = await studio.services.proxy.start({
    port: 0,
    mode: 'record',
    cassetteName: 'traffic-e2e',
  });
  port = status.port as number;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await upstream?.close();
  await studio?.close();
});

/** Opens the page and waits until its subscription listens to the engine. */
async function openTraffic(): Promise<void> {
  await page?.context().close();
  page = await openPage(browser);
  const before = studio.engine.listenerCount('exchange');
  await page.goto(`${studio.url}/#/traffic`);
  await page.waitForSelector('.traffic-page');
  await expect.poll(() => studio.engine.listenerCount('exchange')).toBeGreaterThan(before);
}

const rows = '[data-testid="traffic-list"] [role="option"]';
const shownCount = (): Promise<string | null> => page.textContent('[data-testid="traffic-count"]');
const outcomes = (): Promise<string[]> =>
  page.$$eval(rows, (nodes) => nodes.map((node) => node.getAttribute('data-outcome') ?? ''));

beforeEach(async () => {
  await studio.services.proxy.setMode('record', 'traffic-e2e');
});

describe('live traffic', () => {
  it('lists exchanges as they happen, newest first, and explains a miss', async () => {
    await openTraffic();
    expect(await page.textContent('.traffic-list')).toContain('Waiting for traffic');
    expect(await getViaProxy(port, `${upstream.url}/users/1`)).toBe(200);
    await studio.services.proxy.setMode('replay');
    expect(await getViaProxy(port, `${upstream.url}/users/1`)).toBe(200);
    expect(await getViaProxy(port, `${upstream.url}/users/2?expand=true`)).toBe(404);
    await expect.poll(outcomes).toEqual(['MISSED', 'REPLAYED', 'RECORDED']);
    expect(await shownCount()).toBe('3 of 3');
    const first = await page.textContent(`${rows} >> nth=0`);
    expect(first).toContain(`GET${upstream.url.slice(7)}/users/2?expand=true404`);

    await page.click(`${rows} >> nth=0`);
    await page.waitForSelector('[data-testid="near-miss"]');
    const nearMiss = (await page.textContent('[data-testid="near-miss"]')) ?? '';
    const { cassette } = await studio.library.get('traffic-e2e');
    const recorded = cassette.interactions[0]?.id as string;
    expect(nearMiss).toContain(`Interaction ${recorded}`);
    expect(nearMiss).toContain('/users/1');
    expect(nearMiss).toContain('/users/2');
    expect(await page.textContent('[data-testid="traffic-detail"]')).toContain('x-magneto-miss');

    await screenshotBothThemes(page, 'traffic');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.click('[data-testid="near-miss"] button:has-text("Record this")');
    await page.waitForSelector(
      '[data-testid="toast"]:has-text("Proxy mode: New episodes on traffic-e2e")',
    );
    expect(studio.services.proxy.status()).toMatchObject({
      mode: 'new-episodes',
      cassette: 'traffic-e2e',
    });
    expect(await getViaProxy(port, `${upstream.url}/users/2?expand=true`)).toBe(200);
    await expect.poll(outcomes).toEqual(['RECORDED', 'MISSED', 'REPLAYED', 'RECORDED']);
    await expect
      .poll(async () => (await studio.library.get('traffic-e2e')).cassette.interactions.length)
      .toBe(2);

    await page.click(`${rows} >> nth=1`);
    await page.click('[data-testid="near-miss"] a:has-text("Open cassette")');
    await page.waitForURL(/#\/cassettes\/traffic-e2e$/);
    expect(await pageErrors(page)).toEqual([]);
  });

  it('moves the selection with the keyboard and shows request and response headers', async () => {
    await openTraffic();
    for (const path of ['/a', '/b', '/c']) {
      expect(await getViaProxy(port, `${upstream.url}${path}`)).toBe(200);
    }
    await expect.poll(() => page.locator(rows).count()).toBe(3);
    await page.click(`${rows} >> nth=0`);
    await page.keyboard.press('ArrowDown');
    expect(await page.getAttribute(`${rows}[aria-selected="true"]`, 'data-outcome')).toBe(
      'RECORDED',
    );
    const title = await page.textContent('.traffic-detail-title');
    expect(title).toBe(`GET ${upstream.url}/b`);
    const detail = (await page.textContent('[data-testid="traffic-detail"]')) ?? '';
    expect(detail).toContain('content-type');
    expect(detail).toContain('application/json');
    await page.keyboard.press('End');
    expect(await page.textContent('.traffic-detail-title')).toBe(`GET ${upstream.url}/a`);
  });

  it('filters by words and outcome, holds exchanges while paused, and clears', async () => {
    await openTraffic();
    await getViaProxy(port, `${upstream.url}/keep/1`);
    await getViaProxy(port, `${upstream.url}/other/1`);
    await studio.services.proxy.setMode('replay');
    await getViaProxy(port, `${upstream.url}/keep/1`);
    await getViaProxy(port, `${upstream.url}/keep/2`);
    await expect.poll(shownCount).toBe('4 of 4');

    await page.fill('input[aria-label="Filter exchanges"]', 'keep');
    await expect.poll(shownCount).toBe('3 of 4');
    await page.uncheck('.outcome-filter label:has-text("missed") input');
    await expect.poll(shownCount).toBe('2 of 4');
    expect(await outcomes()).toEqual(['REPLAYED', 'RECORDED']);
    await page.check('.outcome-filter label:has-text("missed") input');
    await page.fill('input[aria-label="Filter exchanges"]', '');

    await page.click('button:has-text("Pause")');
    await getViaProxy(port, `${upstream.url}/keep/1`);
    await expect.poll(shownCount).toBe('4 of 4 · 1 held while paused');
    expect(await page.locator(rows).count()).toBe(4);
    await page.click('button:has-text("Resume")');
    await expect.poll(shownCount).toBe('5 of 5');
    expect((await outcomes())[0]).toBe('REPLAYED');

    await page.click('button:has-text("Clear")');
    await expect.poll(shownCount).toBe('0 of 0');
    expect(await page.textContent('.traffic-list')).toContain('Waiting for traffic');
  });

  it('keeps up with a burst of exchanges, rendering only the visible rows', async () => {
    await studio.services.proxy.setMode('passthrough');
    await openTraffic();
    const total = 400;
    const started = Date.now();
    const paths = Array.from({ length: total }, (_, index) => `${upstream.url}/burst/${index}`);
    for (let index = 0; index < paths.length; index += 50) {
      await Promise.all(paths.slice(index, index + 50).map((url) => getViaProxy(port, url)));
    }
    const sent = Date.now();
    await expect.poll(shownCount, { timeout: 20_000 }).toBe(`${total} of ${total}`);
    const shown = Date.now();
    const rendered = await page.locator(rows).count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
    expect(await page.textContent(`${rows} >> nth=0`)).toContain('/burst/');
    console.log(
      `burst: ${total} exchanges sent in ${sent - started} ms, all listed ${shown - sent} ms later; ${rendered} rows in the DOM`,
    );
    expect(await pageErrors(page)).toEqual([]);
  });
});
