/**
 * The proxy page against the real headless studio: start, record through it, switch the mode
 * while it runs, stop; the CA certificate download, fingerprints and trust instructions; the
 * copyable client settings; checks on the form; screenshots and axe.
 */
import fs from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { gqlData } from '../integration/api/api-harness';
import { pageErrors, screenshotBothThemes, seriousAxeViolations } from './support/browser';
import { type E2eStudio } from './support/studio';
import { useUiSession } from './support/ui-session';
import { getViaProxy, type Upstream } from './support/traffic';

let studio: E2eStudio;
let upstream: Upstream;
let page: Page;

useUiSession(
  {
    upstream: true,
    pagePerTest: true,
    preparePage: async (page, e2eStudio) => {
      await page.goto(`${e2eStudio.url}/#/proxy`);
      await page.waitForSelector('[data-testid="proxy-page"]');
    },
  },
  (session) => ({ studio, upstream, page } = session),
);

const summary = '[data-testid="proxy-summary"]';
const count = (outcome: string): Promise<string | null> =>
  page.textContent(`.proxy-counts li:has([data-outcome="${outcome}"]) strong`);

async function waitForToast(text: string): Promise<void> {
  await page.waitForSelector(`[data-testid="toast"]:has-text("${text}")`);
}

describe('proxy page', () => {
  it('starts the proxy, records through it, switches to replay while running, and stops', async () => {
    expect(await page.getAttribute(summary, 'data-running')).toBe('false');
    await page.selectOption('select:near(:text("Mode"))', 'RECORD');
    await page.fill('input[placeholder="Record into or replay from…"]', 'proxy-e2e');
    await page.click('button:has-text("Start proxy")');
    await waitForToast('Proxy started');
    await expect.poll(() => page.getAttribute(summary, 'data-running')).toBe('true');
    const status = studio.services.proxy.status();
    expect(status).toMatchObject({ running: true, mode: 'record', cassette: 'proxy-e2e' });
    const port = status.port as number;
    expect(await page.textContent(summary)).toContain(`Listening on 127.0.0.1:${port}`);
    expect(await page.textContent('[data-snippet="env"]')).toContain(
      `HTTP_PROXY=http://127.0.0.1:${port}`,
    );
    expect(await page.textContent('[data-testid="proxy-status"]')).toContain('record');

    expect(await getViaProxy(port, `${upstream.url}/orders/1`)).toBe(200);
    await expect.poll(() => count('RECORDED'), { timeout: 10_000 }).toBe('1');

    await page.selectOption('select:near(:text("Mode"))', 'REPLAY');
    await page.click('button:has-text("Apply mode and cassette")');
    await waitForToast('Proxy mode: Replay on proxy-e2e');
    expect(studio.services.proxy.status()).toMatchObject({ running: true, mode: 'replay' });
    expect(await getViaProxy(port, `${upstream.url}/orders/1`)).toBe(200);
    expect(await getViaProxy(port, `${upstream.url}/orders/2`)).toBe(404);
    await expect.poll(() => count('REPLAYED'), { timeout: 10_000 }).toBe('1');
    await expect.poll(() => count('MISSED'), { timeout: 10_000 }).toBe('1');

    await page.click('button.btn-danger:has-text("Stop")');
    await waitForToast('Proxy stopped');
    await expect.poll(() => page.getAttribute(summary, 'data-running')).toBe('false');
    expect(studio.services.proxy.status().running).toBe(false);
    const { cassette } = await gqlData(
      studio.url,
      '{ cassette(name: "proxy-e2e") { interactionCount } }',
    );
    expect(cassette.interactionCount).toBe(1);
    expect(await pageErrors(page)).toEqual([]);
  });

  it('refuses a bad port or reverse target before asking the studio', async () => {
    await page.fill('input[placeholder$="(default)"]', '70000');
    await page.click('button:has-text("Start proxy")');
    expect(await page.textContent('.proxy-problem')).toMatch(/^The port is a whole number/);
    await page.fill('input[placeholder$="(default)"]', '');
    await page.fill('input[placeholder="Empty: forward proxy"]', 'ftp://files.example.com');
    await page.click('button:has-text("Start proxy")');
    expect(await page.textContent('.proxy-problem')).toMatch(/^The reverse target is an http/);
    expect(studio.services.proxy.status().running).toBe(false);
  });

  it('shows reverse-proxy settings when started with a target', async () => {
    await page.fill('input[placeholder="Empty: forward proxy"]', upstream.url);
    await page.selectOption('select:near(:text("Mode"))', 'PASSTHROUGH');
    await page.click('button:has-text("Start proxy")');
    await waitForToast('Proxy started');
    const { port, target } = studio.services.proxy.status();
    expect(target).toBe(upstream.url);
    expect(await page.textContent(summary)).toContain(`Reverse proxy to ${upstream.url}`);
    expect(await page.textContent('[data-snippet="env"]')).toContain(
      `API_BASE_URL=http://127.0.0.1:${port}`,
    );
    expect(await getViaProxy(port as number, '/reverse/works')).toBe(200);
    await expect.poll(() => count('PASSTHROUGH'), { timeout: 10_000 }).toBe('1');
    await page.click('button.btn-danger:has-text("Stop")');
    await waitForToast('Proxy stopped');
  });

  it('downloads the CA certificate, gives both fingerprints and the trust steps per system', async () => {
    const { caCertificate: ca } = await gqlData(
      studio.url,
      '{ caCertificate { pem sha256Fingerprint leafSpkiFingerprintSha256Base64 } }',
    );
    expect(await page.textContent('[data-testid="ca-sha256"]')).toBe(ca.sha256Fingerprint);
    expect(await page.textContent('[data-testid="leaf-spki"]')).toBe(
      ca.leafSpkiFingerprintSha256Base64,
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('button:has-text("Download magneto-ca.pem")'),
    ]);
    expect(download.suggestedFilename()).toBe('magneto-ca.pem');
    const file = await download.path();
    expect(await fs.readFile(file, 'utf8')).toBe(ca.pem);

    const expected: Record<string, string> = {
      Linux: 'update-ca-certificates',
      macOS: 'add-trusted-cert -d -r trustRoot',
      Windows: 'certutil -addstore -f ROOT magneto-ca.pem',
      'Node.js': 'NODE_EXTRA_CA_CERTS=magneto-ca.pem',
      curl: '--cacert magneto-ca.pem',
      Chromium: `--ignore-certificate-errors-spki-list=${ca.leafSpkiFingerprintSha256Base64}`,
    };
    for (const [tab, text] of Object.entries(expected)) {
      await page.click(`[role="tab"]:has-text("${tab}")`);
      expect(await page.textContent('[role="tabpanel"]')).toContain(text);
    }
    await page.click('[role="tab"]:has-text("Linux")');
    await page.keyboard.press('End');
    expect(await page.getAttribute('[role="tab"][aria-selected="true"]', 'id')).toMatch(
      /chromium$/,
    );
  });

  it('copies client settings, with the leaf fingerprint in the Playwright snippet', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const { caCertificate: ca } = await gqlData(
      studio.url,
      '{ caCertificate { leafSpkiFingerprintSha256Base64 } }',
    );
    const playwright = (await page.textContent('[data-snippet="playwright"] pre')) ?? '';
    expect(playwright).toContain(ca.leafSpkiFingerprintSha256Base64);
    await page.click('[data-snippet="curl"] button:has-text("Copy")');
    await waitForToast('Copied to the clipboard');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await page.textContent('[data-snippet="curl"] pre'));
    expect(copied).toMatch(/^curl --proxy http:\/\/127\.0\.0\.1:<port> --cacert magneto-ca\.pem /);
  });

  it('looks right in both themes, without accessibility violations', async () => {
    await screenshotBothThemes(page, 'proxy');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await pageErrors(page)).toEqual([]);
  });
});
