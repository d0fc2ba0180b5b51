/**
 * Lighthouse 12 (desktop settings) on the headless studio seeded with the fixture cassettes: the
 * performance and accessibility scores of the dashboard and the library page, each the median of a
 * few runs, against the 90 target. The baseline, measured in the same run, is the app's shell alone
 * (the not-found page): what this machine allows when a page adds nothing.
 */
import { startE2eStudio } from '../tests/e2e/support/studio';
import {
  launchLighthouseBrowser,
  type LighthouseBrowser,
  type LighthouseCategory,
  type LighthouseReport,
} from '../tests/e2e/support/lighthouse';
import type { BenchResult } from './bench-harness';

const RUNS = 3;
const TARGET = 90;
const PAGES = [
  { label: 'dashboard', route: '/#/' },
  { label: 'library', route: '/#/cassettes' },
] as const;
const SHELL_ROUTE = '/#/no-such-page';

async function medianReport(lighthouse: LighthouseBrowser, url: string): Promise<LighthouseReport> {
  const reports: LighthouseReport[] = [];
  for (let run = 0; run < RUNS; run++) reports.push(await lighthouse.run(url));
  // The run with the median performance score, so its timings belong together.
  const sorted = reports.sort((a, b) => a.scores.performance - b.scores.performance);
  const middle = sorted[Math.floor(sorted.length / 2)];
  if (middle === undefined) throw new Error(`no Lighthouse run for ${url}`);
  return middle;
}

const ms = (value: number | undefined): string => `${Math.round(value ?? Number.NaN)} ms`;

function timings(report: LighthouseReport): string {
  const { metrics } = report;
  return (
    `FCP ${ms(metrics['first-contentful-paint'])}, LCP ${ms(metrics['largest-contentful-paint'])}, ` +
    `TBT ${ms(metrics['total-blocking-time'])}, CLS ${(metrics['cumulative-layout-shift'] ?? 0).toFixed(3)}`
  );
}

function result(
  label: string,
  category: LighthouseCategory,
  report: LighthouseReport,
  shell: LighthouseReport,
): BenchResult {
  const losing = report.failing[category]
    .slice(0, 3)
    .map((audit) => `${audit.id} ${audit.displayValue ?? audit.score}`)
    .join(', ');
  return {
    name: `Lighthouse ${category}, ${label} (median of ${RUNS})`,
    value: report.scores[category],
    unit: 'points',
    target: { op: '>=', value: TARGET },
    baseline:
      `shell alone ${shell.scores[category]}` +
      (category === 'performance' ? `; ${timings(report)}` : '') +
      (losing === '' ? '' : `; below 1: ${losing}`),
  };
}

export async function benchLighthouse(): Promise<BenchResult[]> {
  const studio = await startE2eStudio();
  const lighthouse = await launchLighthouseBrowser();
  try {
    const shell = await medianReport(lighthouse, `${studio.url}${SHELL_ROUTE}`);
    const results: BenchResult[] = [];
    for (const page of PAGES) {
      const report = await medianReport(lighthouse, `${studio.url}${page.route}`);
      results.push(
        result(page.label, 'performance', report, shell),
        result(page.label, 'accessibility', report, shell),
      );
    }
    return results;
  } finally {
    await lighthouse.close();
    await studio.close();
  }
}
