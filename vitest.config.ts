import { defineConfig } from 'vitest/config';

// Unit and integration tests. Every test file gets its own fresh database (see src/core/testing).
// With DATABASE_URL set, the same suite runs against that PostgreSQL server.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bench/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: true,
    maxWorkers: 2,
  },
});
