import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// One project per side of the platform, so `vitest run --project server` runs just that side.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'shared',
          include: ['shared/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'server',
          include: ['server/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['./setup/fail-on-console-error.ts'],
        },
      },
      {
        // Tests that start, kill and restart real platform processes, and run its commands.
        test: {
          name: 'process',
          include: ['process/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['./setup/fail-on-console-error.ts'],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'web',
          include: ['web/**/*.test.tsx', 'web/**/*.test.ts'],
          environment: 'jsdom',
          setupFiles: ['./setup/fail-on-console-error.ts', './web/setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['./e2e/global-setup.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
