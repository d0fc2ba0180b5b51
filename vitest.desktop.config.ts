import { defineConfig } from 'vitest/config';

// `npm run test:desktop`: the Electron smoke test alone (it needs the Electron binary).
export default defineConfig({
  test: {
    include: ['tests/integration/desktop/electron-smoke.spec.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
