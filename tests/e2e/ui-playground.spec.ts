/**
 * The API playground page against the real headless studio: GraphiQL in the app, on the app's own
 * connection (HTTP for queries, the WebSocket for subscriptions): a query and its result, an
 * error as GraphQL reports it, a live subscription; screenshots and axe.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { gqlData } from '../integration/api/api-harness';
import { pageErrors, screenshotBothThemes, seriousAxeViolations } from './support/browser';
import { type E2eStudio } from './support/studio';
import { useUiSession } from './support/ui-session';

let studio: E2eStudio;
let page: Page;

useUiSession(
  {
    pagePerTest: true,
    preparePage: async (page, e2eStudio) => {
      await page.goto(`${e2eStudio.url}/#/playground`);
      await page.waitForSelector('.graphiql-query-editor .monaco-editor');
    },
  },
  (session) => ({ studio, page } = session),
);

/** Replaces the operation in GraphiQL's editor and runs it. */
async function run(operation: string): Promise<void> {
  await page.click('.graphiql-query-editor .monaco-editor .view-lines');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(operation);
  await page.click('.graphiql-execute-button');
}

/** The response pane's text (Monaco renders spaces as non-breaking ones). */
const result = (): Promise<string> =>
  page.$eval('.graphiql-response', (node) =>
    (node as HTMLElement).innerText.replace(/\u00a0/g, ' '),
  );

describe('API playground', () => {
  it('runs a query and shows its result', async () => {
    const { globalStats } = await gqlData(studio.url, '{ globalStats { totalCassettes } }');
    await run('query Count { globalStats { totalCassettes } }');
    await expect
      .poll(result, { timeout: 15_000 })
      .toContain(`"totalCassettes": ${globalStats.totalCassettes}`);
    expect(await pageErrors(page)).toEqual([]);
  });

  it('shows errors as the API reports them, with their code', async () => {
    await run('query Missing { cassette(name: "no-such-cassette") { name } }');
    await expect.poll(result, { timeout: 15_000 }).toContain('CASSETTE_NOT_FOUND');
  });

  it('streams a subscription over the app connection', async () => {
    const before = studio.library.listenerCount('change');
    await run('subscription Changes { cassetteUpdated { type name } }');
    await expect.poll(() => studio.library.listenerCount('change')).toBeGreaterThan(before);
    await gqlData(
      studio.url,
      'mutation { createCassette(input: { name: "from-playground" }) { name } }',
    );
    await expect.poll(result, { timeout: 15_000 }).toContain('"name": "from-playground"');
    expect(await result()).toContain('"type": "Created"');
  });

  it('looks right in both themes, without accessibility violations', async () => {
    await run('{ proxyStatus { running mode } }');
    await expect.poll(result, { timeout: 15_000 }).toContain('"running": false');
    await screenshotBothThemes(page, 'playground');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await pageErrors(page)).toEqual([]);
  });
});
