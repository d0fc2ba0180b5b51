/**
 * The dashboard against the real headless studio: figures from the library, live updates while
 * traffic is recorded through the proxy, a layout kept in preferences, screenshots and axe.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pageErrors, screenshotBothThemes, seriousAxeViolations } from './support/browser';
import { gqlData } from '../integration/api/api-harness';
import { type E2eStudio } from './support/studio';
import { useUiSession } from './support/ui-session';
import { getViaProxy, type Upstream } from './support/traffic';

let studio: E2eStudio;
let upstream: Upstream;
let page: Page;

useUiSession({ upstream: true }, (session) => ({ studio, upstream, page } = session));

const widgetOrder = (): Promise<string[]> =>
  page.$$eval('[data-widget]', (nodes) =>
    nodes.map((node) => node.getAttribute('data-widget') ?? ''),
  );

describe('dashboard', () => {
  it('shows the library figures, in both themes, without accessibility violations', async () => {
    await page.goto(`${studio.url}/#/`);
    await page.waitForSelector('[data-testid="dashboard"]');
    const { globalStats: stats } = await gqlData(
      studio.url,
      '{ globalStats { totalCassettes websocketCount } }',
    );
    expect(await page.textContent('[data-testid="total-cassettes"]')).toBe(
      stats.totalCassettes.toLocaleString('en-US'),
    );
    expect(await page.textContent('[data-testid="interaction-split"]')).toContain(
      `WebSocket${stats.websocketCount}`,
    );
    // Every cassette was created today, so the change since yesterday is the whole library.
    expect(await page.textContent('[data-testid="total-change"]')).toBe(
      `+${stats.totalCassettes} since yesterday`,
    );
    expect(await page.locator('[data-testid="recent-activity"] li').count()).toBe(10);
    // The charts arrive after the page, one per task, in boxes already their size.
    await expect.poll(() => page.locator('.recharts-wrapper').count()).toBe(4);
    const layoutShift = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let total = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as unknown as Array<{
              value: number;
              hadRecentInput: boolean;
            }>) {
              if (!entry.hadRecentInput) total += entry.value;
            }
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(total), 200);
        }),
    );
    expect(layoutShift).toBeLessThan(0.05);
    await screenshotBothThemes(page, 'dashboard');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await pageErrors(page)).toEqual([]);
  });

  it('updates live while traffic is recorded through the proxy', async () => {
    await page.goto(`${studio.url}/#/`);
    await page.waitForSelector('[data-testid="dashboard"]');
    await expect
      .poll(() => page.getAttribute('[data-testid="live-indicator"]', 'data-status'))
      .toBe('live');
    const before = Number(await page.textContent('[data-testid="total-cassettes"]'));
    const status = await studio.services.proxy.start({
      port: 0,
      mode: 'record',
      cassetteName: 'live-recording',
    });
    expect(status.running).toBe(true);
    await expect
      .poll(() => page.textContent('[data-testid="proxy-status"]'), { timeout: 15_000 })
      .toContain('record');
    for (const path of ['/users', '/orders', '/users/42']) {
      expect(await getViaProxy(status.port ?? 0, `${upstream.url}${path}`)).toBe(200);
    }
    await studio.services.proxy.stop();
    await expect
      .poll(() => page.textContent('[data-testid="total-cassettes"]'), { timeout: 10_000 })
      .toBe(String(before + 1));
    await expect
      .poll(() => page.textContent('[data-testid="recent-activity"] li:first-child'), {
        timeout: 10_000,
      })
      .toContain('live-recording');
    expect(await page.textContent('[data-testid="recent-activity"] li:first-child')).toContain(
      '3 interactions',
    );
  });

  it('rearranges widgets and keeps the layout in preferences', async () => {
    await page.goto(`${studio.url}/#/`);
    await page.waitForSelector('[data-testid="dashboard"]');
    const initial = await widgetOrder();
    expect(initial[0]).toBe('total');
    await page.click('button[aria-label="Move Total cassettes later"]');
    expect((await widgetOrder()).slice(0, 2)).toEqual([initial[1], 'total']);
    // Tall enough for both widgets to be in view: scrolling would end the drag.
    await page.setViewportSize({ width: 1280, height: 1600 });
    await page.dragAndDrop(
      '[data-widget="heatmap"] .widget-head h2',
      '[data-widget="interactions"] .widget-head h2',
    );
    await page.setViewportSize({ width: 1280, height: 800 });
    const dragged = await widgetOrder();
    expect(dragged.indexOf('heatmap')).toBeLessThan(dragged.indexOf('total'));
    await page.reload();
    await page.waitForSelector('[data-testid="dashboard"]');
    expect(await widgetOrder()).toEqual(dragged);
    await page.click('text=Reset layout');
    expect(await widgetOrder()).toEqual(initial);
  });
});
