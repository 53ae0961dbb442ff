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
  // errors silently. The compiler's own projects give the types (projectService finds each file's tsconfig).
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
      '@typescript-eslint/require-await': 'off',
    },
  },
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
