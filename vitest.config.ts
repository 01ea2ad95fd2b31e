import { defineConfig } from 'vitest/config';

// Unit tests (pure logic) and integration tests (real builds of fixture content into temp folders).
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Two `astro build`s of one project at once collide in .astro/.prerender/, and
    // integration builds are CPU-heavy anyway: run test files one after another.
    fileParallelism: false,
  },
});
