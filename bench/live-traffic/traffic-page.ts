/** The live traffic page as the benchmark drives it: opened and listening, its count, key presses. */
import type { Page } from 'playwright-core';
import type { E2eStudio } from '../../tests/e2e/support/studio';

const FILTER = 'input[aria-label="Filter exchanges"]';

/** Resolves true once `check` holds (checked every 20 ms), false after `timeoutMs`. */
export async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

/** Opens the page and waits until its subscription listens to the engine; focuses the filter. */
export async function openTrafficPage(page: Page, studio: E2eStudio): Promise<void> {
  const before = studio.engine.listenerCount('exchange');
  await page.goto(`${studio.url}/#/traffic`);
  await page.waitForSelector('.traffic-page');
  const listening = await until(() => studio.engine.listenerCount('exchange') > before, 10_000);
  if (!listening) throw new Error('the traffic page did not subscribe to the proxy traffic');
  await page.click(FILTER);
}

/**
 * Every exchange the page received: the list's total plus those dropped from it when full, read
 * from "1,000 of 5,000 · 3,000 older dropped".
 */
export async function receivedCount(page: Page): Promise<number> {
  const text = (await page.textContent('[data-testid="traffic-count"]')) ?? '';
  const number = (pattern: RegExp): number => Number(pattern.exec(text)?.[1]?.replace(/,/g, ''));
  const total = number(/ of ([\d,]+)/);
  if (Number.isNaN(total)) throw new Error(`unexpected traffic count "${text}"`);
  return total + (number(/([\d,]+) older dropped/) || 0);
}

/** The key presses of the probes, in turn: a character into the filter, then its removal. */
const PROBE_KEYS = ['g', 'Backspace'] as const;

/** Presses PROBE_KEYS in turn every `gapMs` until `done()` or `max` presses. */
export async function pressKeysWhile(
  page: Page,
  gapMs: number,
  max: number,
  done: () => boolean = () => false,
): Promise<void> {
  let presses = 0;
  while (presses < max && !done()) {
    await new Promise((resolve) => setTimeout(resolve, gapMs));
    if (done()) break;
    await page.keyboard.press(PROBE_KEYS[presses % PROBE_KEYS.length] ?? 'g');
    presses += 1;
  }
}
