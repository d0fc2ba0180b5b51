/**
 * The setup every UI test file shares: a headless studio (and, when asked, a small upstream for
 * proxy traffic) and Chromium for the whole file, and a page opened once for the file or afresh
 * before each test. Registers the vitest hooks; `bind` hands the file its variables.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { launchBrowser, openPage } from './browser';
import { startE2eStudio, type E2eStudio, type E2eStudioOptions } from './studio';
import { startUpstream, type Upstream } from './traffic';

export interface UiSession {
  studio: E2eStudio;
  browser: Browser;
  /** Only when `upstream: true`. */
  upstream: Upstream;
  page: Page;
}

export interface UiSessionOptions {
  studio?: E2eStudioOptions;
  upstream?: boolean;
  /** A fresh page (own context and storage) before each test; otherwise one page for the file. */
  pagePerTest?: boolean;
  /** Runs on each page once it is open (navigation, permissions, waiting for the view). */
  preparePage?(page: Page, studio: E2eStudio): Promise<void>;
}

const SETUP_TIMEOUT_MS = 180_000;

/** Sets the session up around the file's tests; `bind` runs whenever its parts change. */
export function useUiSession(options: UiSessionOptions, bind: (session: UiSession) => void): void {
  const session: Partial<UiSession> = {};
  const publish = (): void => bind(session as UiSession);

  async function newPage(): Promise<void> {
    await session.page?.context().close();
    const { browser, studio } = session as UiSession;
    session.page = await openPage(browser);
    await options.preparePage?.(session.page, studio);
    publish();
  }

  beforeAll(async () => {
    session.studio = await startE2eStudio(options.studio);
    if (options.upstream === true) session.upstream = await startUpstream();
    session.browser = await launchBrowser();
    publish();
    if (options.pagePerTest !== true) await newPage();
  }, SETUP_TIMEOUT_MS);

  if (options.pagePerTest === true) beforeEach(newPage, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await session.browser?.close();
    await session.upstream?.close();
    await session.studio?.close();
  });
}
