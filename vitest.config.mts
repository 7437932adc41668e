import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          globalSetup: ['test/helpers/workerSetup.ts'],
          include: [
            'test/shared/**/*.test.ts',
            'test/main/**/*.test.ts',
            'test/contract/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['test/server/**/*.test.ts'],
          // One PostgreSQL cluster for the run; each file makes its own database in it.
          globalSetup: ['test/server/globalSetup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          globalSetup: ['test/helpers/workerSetup.ts'],
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One browser at a time on a 2-core machine.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'sip',
          environment: 'node',
          include: ['test/sip/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Kamailio and Chromium are heavy on 2 cores: one file at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
