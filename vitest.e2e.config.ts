import { defineConfig } from 'vitest/config';

// Browser tests: one Chromium shared by every file (see tests/e2e/setup.ts), against a fixture build.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
