import solid from 'vite-plugin-solid';
import { defineConfig } from 'vitest/config';

// Node projects stay free of the Solid plugin: it forces the `browser` resolve condition, and then
// `ws` resolves to its browser stub and server tests hang (STACK-NOTES).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'shared',
          environment: 'node',
          include: ['test/shared/**/*.test.ts', 'test/workers/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['test/server/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [solid()],
        test: {
          name: 'client',
          environment: 'happy-dom',
          include: ['test/client/**/*.test.{ts,tsx}'],
          setupFiles: ['test/client/setup.ts'],
        },
      },
    ],
  },
});
