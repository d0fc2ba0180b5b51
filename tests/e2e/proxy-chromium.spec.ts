/**
 * Chromium through the proxy: a page of several requests (HTML, CSS, a script fetching JSON, a PNG)
 * is recorded while the browser loads it, then, with its server gone, replayed from the cassette
 * and rendered the same. Once over plain HTTP (forward proxy), once over HTTPS (CONNECT interception).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DirectoryCassetteStore } from '../../proxy/engine/directory-cassette-store';
import {
  makeTempDir,
  removeTempDir,
  startEngine,
  startHttpsUpstream,
  startHttpUpstream,
  type EngineHarness,
  type Upstream,
} from '../integration/engine/helpers/servers';
import { launchThroughProxy } from './proxy-support/chromium-through-proxy';
import { demoSite, ITEMS, SITE_PATHS } from './proxy-support/demo-site';
import { loopbackOnlyLookup } from './proxy-support/loopback-lookup';

const RESULTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test-results');

let dir: string;
let plain: Upstream;
let secure: Upstream & { caPem: string };
let harness: EngineHarness;
let browser: BrowserContext;

beforeAll(async () => {
  dir = await makeTempDir('chromium');
  plain = await startHttpUpstream(demoSite('Plain HTTP through Magneto'));
  secure = await startHttpsUpstream(demoSite('HTTPS through Magneto'), dir);
  harness = await startEngine(path.join(dir, 'data'), {
    store: new DirectoryCassetteStore(path.join(dir, 'cassettes')),
    upstreamCa: secure.caPem,
    upstreamLookup: loopbackOnlyLookup,
    flushIntervalMs: 1000,
  });
  browser = await launchThroughProxy({
    proxyPort: harness.port,
    userDataDir: path.join(dir, 'profile'),
    spkiFingerprint: harness.engine.certificateAuthority?.leafSpkiFingerprintSha256Base64 ?? '',
  });
  await fs.mkdir(RESULTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await harness?.engine.stop();
  await plain?.close();
  await secure?.close();
  await removeTempDir(dir);
});

interface Rendered {
  screenshot: Buffer;
  title: string;
  items: string[];
  status: string;
  headingColour: string;
  /** Width of the image as decoded (0 when it did not load). */
  imageWidth: number;
}

/** Loads `url` in a fresh page, waits for the fetched JSON to be rendered, and reads the page. */
async function render(url: string, screenshotName: string): Promise<Rendered> {
  const page: Page = await browser.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => document.getElementById('status')?.textContent !== 'loading…');
    const screenshot = await page.screenshot({ path: path.join(RESULTS, screenshotName) });
    return {
      screenshot,
      title: await page.title(),
      items: await page.locator('#items li').allTextContents(),
      status: (await page.textContent('#status')) ?? '',
      headingColour: await page.$eval('h1', (h1) => getComputedStyle(h1).color),
      imageWidth: await page.$eval('#logo', (img) => (img as HTMLImageElement).naturalWidth),
    };
  } finally {
    await page.close();
  }
}

/** The exchanges with `origin` since `from`, as `outcome path`, sorted. */
function exchangesWith(origin: string, from: number): string[] {
  return harness.events
    .slice(from)
    .filter((event) => event.request.url.startsWith(`${origin}/`))
    .map((event) => `${event.outcome} ${new URL(event.request.url).pathname}`)
    .sort();
}

/** Records `upstream`'s page, stops the upstream, replays the page; returns both renderings. */
async function recordThenReplay(upstream: Upstream, cassette: string, name: string) {
  await harness.engine.reconfigure({ mode: 'record', cassette });
  const recordingFrom = harness.events.length;
  const live = await render(`${upstream.origin}/`, `proxy-chromium-${name}-recorded.png`);
  const recorded = exchangesWith(upstream.origin, recordingFrom);

  await upstream.close();
  await harness.engine.reconfigure({ mode: 'replay' });
  const replayFrom = harness.events.length;
  const replayed = await render(`${upstream.origin}/`, `proxy-chromium-${name}-replayed.png`);
  return {
    live,
    recorded,
    replayed,
    replayedExchanges: exchangesWith(upstream.origin, replayFrom),
  };
}

const everyPath = (outcome: string) => SITE_PATHS.map((p) => `${outcome} ${p}`).sort();

function expectRenderedPage(rendered: Rendered, title: string): void {
  expect(rendered.title).toBe(title);
  expect(rendered.items).toEqual(ITEMS.map((item) => `${item.name}: ${item.price} €`));
  expect(rendered.status).toBe(`loaded ${ITEMS.length} items`);
  expect(rendered.headingColour).toBe('rgb(120, 40, 160)');
  expect(rendered.imageWidth).toBe(32);
}

describe('Chromium through the proxy', () => {
  it('records a page over plain HTTP and renders it the same from the cassette', async () => {
    const title = 'Plain HTTP through Magneto';
    const { live, recorded, replayed, replayedExchanges } = await recordThenReplay(
      plain,
      'chromium-http',
      'http',
    );
    expectRenderedPage(live, title);
    expect(recorded).toEqual(everyPath('recorded'));
    expect(plain.hits).toBe(SITE_PATHS.length);
    expectRenderedPage(replayed, title);
    expect(replayedExchanges).toEqual(everyPath('replayed'));
    expect(replayed.screenshot.equals(live.screenshot)).toBe(true);
  });

  it('records a page over HTTPS through CONNECT interception and replays it', async () => {
    const title = 'HTTPS through Magneto';
    const { live, recorded, replayed, replayedExchanges } = await recordThenReplay(
      secure,
      'chromium-https',
      'https',
    );
    expectRenderedPage(live, title);
    expect(recorded).toEqual(everyPath('recorded'));
    expectRenderedPage(replayed, title);
    expect(replayedExchanges).toEqual(everyPath('replayed'));
    expect(replayed.screenshot.equals(live.screenshot)).toBe(true);
  });
});
