/** The app shell against the real headless studio: live connection, navigation, themes, 404. */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  openPage,
  pageErrors,
  screenshotBothThemes,
  seriousAxeViolations,
} from './support/browser';
import { startE2eStudio, type E2eStudio } from './support/studio';
import { useUiSession } from './support/ui-session';

let studio: E2eStudio;
let browser: Browser;
let page: Page;

useUiSession({}, (session) => ({ studio, browser, page } = session));

describe('app shell', () => {
  it('connects live, shows the proxy state and the version, and navigates by keyboard', async () => {
    await page.goto(`${studio.url}/`);
    await expect
      .poll(() => page.getAttribute('[data-testid="live-indicator"]', 'data-status'))
      .toBe('live');
    await expect.poll(() => page.textContent('[data-testid="proxy-status"]')).toContain('stopped');
    expect(await page.textContent('footer')).toMatch(/v\d+\.\d+\.\d+/);
    expect(await page.title()).toBe('Dashboard · Magneto Studio');

    await page.keyboard.press('g');
    await page.keyboard.press('c');
    await page.waitForURL(/#\/cassettes$/);
    await expect.poll(() => page.title()).toBe('Cassettes · Magneto Studio');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Filter by name',
    );

    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('g');
    await page.keyboard.press('d');
    await page.waitForURL(/#\/$/);
    expect(await pageErrors(page)).toEqual([]);
  });

  it('offers a skip link as the first stop of the keyboard', async () => {
    await page.goto('about:blank');
    await page.goto(`${studio.url}/#/`);
    await page.waitForSelector('[data-testid="dashboard"]');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
  });

  it('switches theme and remembers the choice', async () => {
    await page.goto(`${studio.url}/#/`);
    await page.waitForSelector('[data-testid="theme-toggle"]');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await page.click('[data-testid="theme-toggle"]');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.reload();
    await page.waitForSelector('[data-testid="theme-toggle"]');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.click('[data-testid="theme-toggle"]');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    // Back to following the system, as the other tests expect.
    await page.evaluate(() => localStorage.removeItem('magneto.theme'));
    await page.reload();
  });

  it('shows a not-found page for unknown routes, without accessibility violations', async () => {
    await page.goto(`${studio.url}/#/no/such/page`);
    await page.waitForSelector('[data-testid="empty-state"]');
    expect(await page.textContent('main')).toContain('There is nothing at this address.');
    await screenshotBothThemes(page, 'not-found');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('runs under a CSP that refuses connections to other origins', async () => {
    const strict = await openPage(browser);
    await strict.goto(`${studio.url}/#/`);
    await strict.waitForSelector('[data-testid="dashboard"]');
    expect(await pageErrors(strict)).toEqual([]);
    const refused = await strict.evaluate(() =>
      fetch('http://127.0.0.2:9/').then(
        () => 'sent',
        (error: unknown) => String(error),
      ),
    );
    expect(refused).toMatch(/TypeError/);
    await expect
      .poll(() => pageErrors(strict))
      .toContainEqual(expect.stringContaining('127.0.0.2'));
    expect((await pageErrors(strict)).every((text) => text.includes('127.0.0.2'))).toBe(true);
    await strict.context().close();
  });

  it('passes a ?token= from the address to the API over HTTP and WebSocket, then hides it', async () => {
    const token = 'e2e-token-with-enough-characters';
    const guarded = await startE2eStudio({ token });
    try {
      const tokenPage = await openPage(browser);
      await tokenPage.goto(`${guarded.url}/?token=${token}#/cassettes`);
      await tokenPage.waitForSelector('[role="row"][data-name]');
      await expect
        .poll(() => tokenPage.getAttribute('[data-testid="live-indicator"]', 'data-status'))
        .toBe('live');
      expect(tokenPage.url()).toBe(`${guarded.url}/#/cassettes`);
      await tokenPage.reload();
      await tokenPage.waitForSelector('[role="row"][data-name]');
      await tokenPage.context().close();

      const anonymous = await openPage(browser);
      await anonymous.goto(`${guarded.url}/#/cassettes`);
      await anonymous.waitForSelector('[data-testid="error-state"]');
      expect(await anonymous.textContent('[data-testid="error-state"]')).toContain('bearer token');
      await anonymous.context().close();
    } finally {
      await guarded.close();
    }
  });

  it('shows the connection dropping and comes back live on its own', async () => {
    await page.goto(`${studio.url}/#/`);
    await expect
      .poll(() => page.getAttribute('[data-testid="live-indicator"]', 'data-status'))
      .toBe('live');
    await studio.restartServer(async () => {
      await expect
        .poll(() => page.getAttribute('[data-testid="live-indicator"]', 'data-status'))
        .toBe('offline');
    });
    await expect
      .poll(() => page.getAttribute('[data-testid="live-indicator"]', 'data-status'), {
        timeout: 15_000,
      })
      .toBe('live');
  });
});
