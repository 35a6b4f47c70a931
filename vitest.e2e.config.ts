import { defineConfig } from 'vitest/config';

// End-to-end tests: the built web mode in Debian Chromium, driven by playwright-core.
// Run with `npx vitest run -c vitest.e2e.config.ts`.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
