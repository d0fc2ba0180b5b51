/**
 * Debian's Chromium driven by playwright-core for end-to-end tests: a fresh profile per launch,
 * screenshots of a page in both themes, and axe-core run inside the page.
 */
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium';

const require = createRequire(import.meta.url);
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SCREENSHOT_DIR = path.join(REPO, 'test-results/screenshots');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS],
  });
}

/** A page with a fresh context (own storage, downloads accepted). */
export async function openPage(
  browser: Browser,
  options: { width?: number; height?: number; colorScheme?: 'light' | 'dark' } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    colorScheme: options.colorScheme ?? 'light',
    acceptDownloads: true,
  });
  return context.newPage();
}

/**
 * What went wrong in the page since it was opened: uncaught errors, and console errors about the
 * Content Security Policy (something the UI loads that its CSP refuses).
 */
export async function pageErrors(page: Page): Promise<string[]> {
  const errors = (await page.pageErrors({ filter: 'all' })).map((error) => error.message);
  const csp = (await page.consoleMessages({ filter: 'all' }))
    .map((message) => message.text())
    .filter((text) => text.includes('Content Security Policy'));
  return [...errors, ...csp];
}

/** Screenshots the page in the light and the dark theme (`<name>-light.png`, `<name>-dark.png`). */
export async function screenshotBothThemes(page: Page, name: string): Promise<string[]> {
  await fs.mkdir(SCREENSHOT_DIR, { recursive: true });
  const files: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    // The page follows the system's scheme unless the user chose a theme in it.
    await page.waitForFunction(
      (theme) => document.documentElement.dataset.theme === theme,
      scheme,
      { timeout: 5000 },
    );
    await page.waitForTimeout(150);
    const file = path.join(SCREENSHOT_DIR, `${name}-${scheme}.png`);
    await page.screenshot({ path: file });
    files.push(file);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return files;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown; failureSummary?: string }>;
}

/**
 * axe-core's serious and critical violations on the page as it is now. The UI's CSP forbids inline
 * scripts (so `addScriptTag` is refused): axe's source is evaluated through the DevTools protocol.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  const source = (require('axe-core') as { source: string }).source;
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${source}\n;undefined`);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(context: Document): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 5).map((node) => ({
        target: node.target,
        failureSummary: node.failureSummary,
      })),
    }));
  });
  return violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
}
