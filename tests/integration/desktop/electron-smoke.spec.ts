/**
 * The desktop app launched for real with Playwright's Electron driver: the window shows the UI,
 * the UI is live over the preload's message port, the renderer has no Node, pop-ups are refused.
 * Needs the Electron binary, which these machines cannot download: `npm run test:desktop` (kept
 * out of `npm test`) builds the app and runs this file, and fails saying so when it is missing.
 */
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, type ElectronApplication } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = path.resolve(__dirname, '../../..');

/** The Electron executable, or an error that says how to get it. */
function electronBinary(): string {
  let executable: string;
  try {
    executable = createRequire(import.meta.url)('electron') as string;
  } catch (error) {
    throw new Error(
      `The Electron binary is not installed (${(error as Error).message}). It is skipped by ELECTRON_SKIP_BINARY_DOWNLOAD=1; on a machine that can download it run \`node node_modules/electron/install.js\`, then \`npm run test:desktop\`.`,
    );
  }
  if (!existsSync(executable)) {
    throw new Error(
      `The Electron binary is missing at ${executable}: run \`node node_modules/electron/install.js\`.`,
    );
  }
  return executable;
}

describe('the desktop app', () => {
  let app: ElectronApplication;
  let root: string;

  beforeAll(async () => {
    const executablePath = electronBinary();
    if (!existsSync(path.join(REPO, 'out/main/index.js'))) {
      throw new Error('The app is not built: run `npm run test:desktop` (it builds it first).');
    }
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'magneto-electron-'));
    app = await electron.launch({
      executablePath,
      args: [REPO],
      env: {
        ...process.env,
        MAGNETO_CASSETTE_DIR: path.join(root, 'cassettes'),
        MAGNETO_DATA_DIR: path.join(root, 'data'),
        MAGNETO_PROXY_PORT: '0',
        MAGNETO_API_PORT: '0',
      },
    });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    if (root !== undefined) await fs.rm(root, { recursive: true, force: true });
  });

  it('shows the UI, live over the message port, in a locked-down renderer', async () => {
    const page = await app.firstWindow();
    expect(await page.title()).toBe('Magneto Studio');
    expect(new URL(page.url()).origin).toBe('app://studio');
    await page.getByTestId('live-indicator').and(page.locator('[data-status="live"]')).waitFor();

    const exposed = await page.evaluate(() => ({
      desktop: Object.keys((window as unknown as { magnetoDesktop: object }).magnetoDesktop).sort(),
      node: typeof (globalThis as { process?: unknown }).process,
      require: typeof (globalThis as { require?: unknown }).require,
    }));
    expect(exposed).toEqual({
      desktop: ['appInfo', 'dialogs', 'pathForFile', 'requestGraphqlPort'],
      node: 'undefined',
      require: 'undefined',
    });
    const info = await page.evaluate(() =>
      (
        window as unknown as { magnetoDesktop: { appInfo(): Promise<{ cassetteDir: string }> } }
      ).magnetoDesktop.appInfo(),
    );
    expect(info.cassetteDir).toBe(path.join(root, 'cassettes'));

    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });
});
