import { defineConfig } from 'vitest/config';

// Browser journeys in Debian's Chromium (/usr/bin/chromium) through playwright-core.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts', 'src/**/*.browser.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
