import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    pool: 'forks',
    // Vitest's default on a 2-core machine is one worker (cores − 1); many files here wait on child
    // processes, sockets and MariaDB rather than the CPU, so two at once keeps CI well inside its time.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
