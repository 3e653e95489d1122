import { defineConfig } from 'vitest/config';
import path from 'node:path';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['lib/**/*.test.ts', 'components/**/*.test.ts', 'supabase/local/**/*.test.ts', 'scripts/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'conformance',
          include: ['tests/conformance/**/*.test.ts'],
          // Starting a stack (PGlite boot + migrations) takes seconds, many more on a loaded 2-core CI machine.
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Each file starts its own stack(s) on its own ports and database, and spends much of its
          // time waiting (timers, restarts, websocket cuts): two files at a time keep both cores busy.
          fileParallelism: true,
          maxWorkers: Number(process.env.CONFORMANCE_WORKERS ?? 2),
        },
      },
    ],
  },
});
