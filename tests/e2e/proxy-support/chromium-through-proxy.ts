/**
 * Headless Chromium (Debian's, /usr/bin/chromium) driven by playwright-core, with every request
 * sent through the proxy, loopback included, and a fresh profile in a temporary folder.
 *
 * HTTPS: `--ignore-certificate-errors-spki-list` is compared with the certificates the server
 * sends, not with the root that would verify them. The engine sends the leaf alone, so the studio
 * CA's fingerprint does not help (Chromium answers ERR_CERT_AUTHORITY_INVALID); the leaf's does:
 * every leaf of a CA shares one key pair, so `ca.leafSpkiFingerprintSha256Base64` (what
 * `magneto ca --json` prints) covers every intercepted host. The flag takes effect only with
 * `--user-data-dir`.
 */
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../support/chromium';

export async function launchThroughProxy(options: {
  proxyPort: number;
  /** A fresh, empty folder for the profile. */
  userDataDir: string;
  spkiFingerprint: string;
}): Promise<BrowserContext> {
  // launchPersistentContext passes the folder as --user-data-dir (playwright refuses the flag).
  return chromium.launchPersistentContext(options.userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 800, height: 600 },
    args: [
      '--headless',
      ...CHROMIUM_FLAGS,
      `--proxy-server=http://127.0.0.1:${options.proxyPort}`,
      // Chromium bypasses proxies for loopback addresses unless told not to.
      '--proxy-bypass-list=<-loopback>',
      `--ignore-certificate-errors-spki-list=${options.spkiFingerprint}`,
    ],
  });
}
