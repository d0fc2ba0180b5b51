/**
 * @peculiar/x509 on Node's WebCrypto, loaded on first use: only making a CA or a per-host
 * certificate needs it, and it costs about 10 MB of memory, which a studio that only replays plain
 * HTTP never pays. Loaded with `import()` (also in the bundles, where it stays an external package)
 * and after 'reflect-metadata', without which @peculiar/x509 throws at load time.
 */
import { webcrypto } from 'node:crypto';
import type * as X509 from '@peculiar/x509';

export type X509Library = typeof X509;

let loading: Promise<X509Library> | undefined;

/** The X.509 library, its crypto provider set to Node's WebCrypto. */
export function loadX509(): Promise<X509Library> {
  loading ??= (async () => {
    await import('reflect-metadata');
    const x509 = await import('@peculiar/x509');
    x509.cryptoProvider.set(webcrypto as unknown as Crypto);
    return x509;
  })();
  return loading;
}
