import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/** Entries started as worker threads, from files named `<entry>.mjs` beside the main bundle. */
const WORKERS = new Set(['quickjs-worker', 'proxy-engine-worker']);

// Explicit entries: the desktop main process, the preload bridge and the renderer. electron-vite
// builds all three without the Electron binary, so CI builds them even where Electron cannot run.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-main/desktop/main.ts'),
          // The custom-helper sandbox's worker, beside the bundle where the engine starts it from
          // (proxy/templating/custom/sandbox-worker-script.ts), as the headless build ships it.
          'quickjs-worker': resolve(__dirname, 'proxy/templating/custom/quickjs-worker.ts'),
          // The proxy engine's worker thread, beside the bundle too (proxy/engine/worker/worker-script.ts).
          'proxy-engine-worker': resolve(__dirname, 'proxy/engine/worker/engine-worker.ts'),
        },
        output: {
          entryFileNames: (chunk) => (WORKERS.has(chunk.name) ? '[name].mjs' : '[name].js'),
          // Beside the entries, not in a folder: code shared by the main bundle and a worker finds the
          // workers' files relative to its own URL (`import.meta.url`), wherever it lands.
          chunkFileNames: 'chunk-[name]-[hash].mjs',
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be CommonJS.
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    plugins: [react()],
    build: {
      minify: true,
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
    },
  },
});
