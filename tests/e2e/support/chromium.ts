/**
 * Debian's Chromium as every test and benchmark launches it: where it is (CHROMIUM_PATH overrides
 * /usr/bin/chromium), and the flags that keep it quiet and off the network on a CI machine.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
