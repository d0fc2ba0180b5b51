// Bundles the `magneto` CLI and headless studio into one ESM file that runs on plain `node`, with
// the worker threads beside it, where the bundle starts them from: the custom-helper sandbox
// (quickjs-worker.mjs) and the proxy engine (proxy-engine-worker.mjs).
// Dependencies stay external: they come from node_modules (a production install in Docker).
// Usage: node scripts/build-headless.mjs [outfile]
import { chmod } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

const outfile = process.argv[2] ?? 'dist-headless/magneto.mjs';
await build({
  entryPoints: [
    { in: 'src-main/cli/main.ts', out: path.basename(outfile, '.mjs') },
    { in: 'proxy/templating/custom/quickjs-worker.ts', out: 'quickjs-worker' },
    { in: 'proxy/engine/worker/engine-worker.ts', out: 'proxy-engine-worker' },
  ],
  outdir: path.dirname(outfile),
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
});
await chmod(outfile, 0o755);
console.log(`built ${outfile}`);
