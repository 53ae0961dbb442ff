import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.artifacts/**', 'test-results/**', '**/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', performance: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
      // A package is used through its public entry (its package.json exports), never by reaching into another's
      // src/ or test/: within a package imports are relative and never name packages/ or apps/.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/packages/*/src/**',
                '**/packages/*/test/**',
                '**/apps/*/src/**',
                '**/apps/*/test/**',
                '@styrgraf/*/src/**',
                '@styrgraf/*/test/**',
                // The same reach written from a sibling package (../../../model/src/…).
                '**/model/src/**',
                '**/store/src/**',
                '**/export/src/**',
                '**/server/src/**',
                '**/web/src/**',
                '**/model/test/**',
                '**/store/test/**',
                '**/export/test/**',
                '**/cli/src/**',
                '**/cli/test/**',
              ],
              message:
                "Import the package's public entry (@styrgraf/model, @styrgraf/store, @styrgraf/export, @styrgraf/server), not another package's src/ or test/.",
            },
          ],
        },
      ],
    },
  },
  // Type-aware rules: a promise left floating or handed where a plain callback is expected loses its
  // errors silently, and a value typed `any` spreads unchecked through every use of it. The compiler's own
  // projects give the types (projectService finds each file's tsconfig).
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: ['**/*.{ts,tsx,mts}'] })),
  {
    files: ['**/*.{ts,tsx,mts}'],
    languageOptions: {
      parserOptions: {
        // The files no package's tsconfig lists by its own directory (the code generator's config, the test setup's declarations).
        projectService: { allowDefaultProject: ['.config/*.ts', 'test/neo4j/*.d.ts'] },
        tsconfigRootDir: fileURLToPath(new URL('..', import.meta.url)),
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // Async functions without an await are deliberate here: Store port methods and resolvers keep one async
      // signature whether an adapter answers in memory or over the wire, so a thrown error becomes a rejection.
      '@typescript-eslint/require-await': 'off',
      // A promise that passes on what it caught (unknown), an AbortSignal's reason or a library callback's error
      // (both typed any) rejects with it unchanged: wrapping it in a new Error would hide its class and code from
      // whoever awaits it. A literal or a value of a known non-Error type is still refused.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true, allowThrowingAny: true }],
    },
  },
  // vitest types its asymmetric matchers (expect.any, expect.stringContaining, …) as any, so that one fits any field of an
  // expected value; in a test an assignment of any is one of them.
  { files: ['**/*.test.{ts,tsx}'], rules: { '@typescript-eslint/no-unsafe-assignment': 'off' } },
  // Code generator plugins are CommonJS (the generator require()s them).
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } } },
  // The web app: React's rules of hooks, and the browser's globals. Scoped so the Node packages are linted as before.
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.flat.recommended.rules, 'react-hooks/exhaustive-deps': 'error' },
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        history: 'readonly',
        fetch: 'readonly',
        Response: 'readonly',
        Blob: 'readonly',
        HTMLElement: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        AbortSignal: 'readonly',
      },
    },
  },
);
