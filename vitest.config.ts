import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/unit/**/*.spec.ts',
      'tests/integration/**/*.spec.ts',
      'tests/e2e/**/*.spec.ts',
    ],
    // Needs the Electron binary: `npm run test:desktop` runs it (vitest.desktop.config.ts).
    exclude: [...configDefaults.exclude, 'tests/integration/desktop/electron-smoke.spec.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default', './tests/support/summary-reporter.ts'],
    coverage: {
      provider: 'v8',
      include: ['proxy/**/*.ts', 'src-main/**/*.ts'],
      exclude: ['src-main/desktop/**', '**/*.model.ts', '**/*.d.ts'],
      reporter: ['text-summary', 'json-summary'],
      thresholds: {
        'proxy/**': { lines: 80 },
        'src-main/**': { lines: 80 },
      },
    },
  },
});
