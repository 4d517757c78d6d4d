import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,templates,report-docx,server,client}/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    // Server tests start real relays and child processes; two cores.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
