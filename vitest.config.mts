import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    // Print-size copies made by export tests go to a throwaway folder, not the user's cache.
    env: { BOARDWRIGHT_CACHE_DIR: path.join(os.tmpdir(), `boardwright-unit-cache-${process.pid}`) },
  },
});
