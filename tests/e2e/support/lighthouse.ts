/**
 * Lighthouse 12 against pages of the headless studio: Debian's Chromium launched by playwright-core
 * with a DevTools port, Lighthouse's desktop settings (the studio is a desktop tool), and the
 * category scores on the 0–100 scale with the audits that cost points.
 */
import net from 'node:net';
import lighthouse, { desktopConfig } from 'lighthouse';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium';

export type LighthouseCategory = 'performance' | 'accessibility';

export interface LighthouseAudit {
  id: string;
  title: string;
  score: number | null;
  displayValue?: string;
}

export interface LighthouseReport {
  url: string;
  scores: Record<LighthouseCategory, number>;
  /** Each category's audits that scored below 1, worst first. */
  failing: Record<LighthouseCategory, LighthouseAudit[]>;
  /** Raw timings, for the benchmark's report. */
  metrics: Record<string, number>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

export interface LighthouseBrowser {
  run(url: string): Promise<LighthouseReport>;
  close(): Promise<void>;
}

const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
] as const;

/** Chromium with a DevTools port that Lighthouse drives; one page audited at a time. */
export async function launchLighthouseBrowser(): Promise<LighthouseBrowser> {
  const port = await freePort();
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--headless', ...CHROMIUM_FLAGS, `--remote-debugging-port=${port}`],
  });
  return {
    async run(url) {
      const result = await lighthouse(
        url,
        {
          port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility'],
        },
        desktopConfig,
      );
      if (result === undefined) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { lhr } = result;
      if (lhr.runtimeError !== undefined) {
        throw new Error(`Lighthouse failed on ${url}: ${lhr.runtimeError.message}`);
      }
      const score = (id: LighthouseCategory): number =>
        Math.round((lhr.categories[id]?.score ?? 0) * 100);
      const failingIn = (id: LighthouseCategory): LighthouseAudit[] =>
        (lhr.categories[id]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0)
          .flatMap((ref) => {
            const audit = lhr.audits[ref.id];
            if (audit === undefined || audit.score === null || audit.score >= 1) return [];
            const { title, score, displayValue } = audit;
            return [
              { id: ref.id, title, score, ...(displayValue === undefined ? {} : { displayValue }) },
            ];
          })
          .sort((a, b) => (a.score ?? 0) - (b.score ?? 0));
      const metrics = Object.fromEntries(
        METRICS.map((id) => [id, lhr.audits[id]?.numericValue ?? Number.NaN]),
      );
      return {
        url,
        scores: { performance: score('performance'), accessibility: score('accessibility') },
        failing: {
          performance: failingIn('performance'),
          accessibility: failingIn('accessibility'),
        },
        metrics,
      };
    },
    close: () => browser.close(),
  };
}
