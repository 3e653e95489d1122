/**
 * ESLint 9 flat config: Next.js core-web-vitals and TypeScript rules for the whole repository.
 * Generated and runtime folders are ignored so that `npx eslint .` lints only our sources.
 */
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const eslintConfig = defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      // Unused arguments prefixed with _ document a required signature (e.g. HttpApi handlers).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  globalIgnores([
    '.next/**',
    '.data/**',
    'node_modules/**',
    'out/**',
    'build/**',
    'coverage/**',
    'test-results/**',
    'playwright-report/**',
    'bench/results/**',
    'bench/output/**',
    'next-env.d.ts',
    'lib/supabase/database.types.ts',
  ]),
]);

export default eslintConfig;
