// Bundles the GraphiQL playground page (src-main/server/playground/) into out/playground, which
// the API server serves at /graphql/playground. Everything is bundled: the page needs no CDN.
// Usage: node scripts/build-playground.mjs [outDir]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.resolve(repo, process.argv[2] ?? 'out/playground');
await build({
  configFile: false,
  root: path.join(repo, 'src-main/server/playground'),
  base: '/graphql/playground/',
  plugins: [react()],
  logLevel: 'error',
  build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 8000, reportCompressedSize: false },
});
console.log(`built ${outDir}`);
