import { defineConfig } from 'vitest/config';

// Unit tests (pure logic) and integration tests (real builds of fixture content into temp folders).
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Integration builds are CPU-heavy; two cores do not gain from running them side by side.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
