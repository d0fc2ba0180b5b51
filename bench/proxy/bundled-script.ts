/**
 * Builds a helper script the way the headless `magneto` is built (one ESM bundle of the project's
 * code, packages from node_modules), so that it runs on plain `node`, without the TypeScript loader
 * and the memory that loader takes.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const OUT_DIR = fileURLToPath(new URL('../../.tmp/bench/', import.meta.url));

/** Bundles `script` (a file name next to this one) and returns the bundle's path. */
export async function bundleScript(script: string): Promise<string> {
  const entry = fileURLToPath(new URL(script, import.meta.url));
  const outfile = path.join(OUT_DIR, `${path.basename(entry, path.extname(entry))}.mjs`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}
