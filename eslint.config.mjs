/**
 * ESLint (flat config): JavaScript's and typescript-eslint's recommended rules for everything we
 * write; formatting is Prettier's job (`npm run format`), so eslint-config-prettier turns off
 * the rules that would argue with it. Generated and built files are not ours to lint.
 */
import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import prettier from 'eslint-config-prettier'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default defineConfig(
  globalIgnores([
    '**/node_modules/',
    '**/.next/',
    '**/dist/',
    '**/build/',
    '.data/',
    'coverage/',
    'migrations/',
    'payload-types.ts',
    'next-env.d.ts',
    'src/app/(payload)/admin/importMap.js',
    'bench/results/',
    'tests/e2e/artifacts/',
    'examples/spa-site/src/gql/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_` marks an argument or element that is there for its position only.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    files: ['tests/**'],
    languageOptions: { globals: { ...globals.jest } },
  },
  {
    files: ['src/components/**', 'src/app/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  prettier,
)
