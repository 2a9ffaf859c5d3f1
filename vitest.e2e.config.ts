import { defineConfig } from 'vitest/config';

/** Browser tests: Debian's Chromium driven by playwright-core against host mode. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A screen under a loaded CI machine can take seconds to settle; a poll waits for it, not a guess.
    expect: { poll: { timeout: 15_000, interval: 50 } },
  },
});
