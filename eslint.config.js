// One flat config for the whole workspace. Import-boundary rules per folder keep
// the domain pure and stop the web app from reaching into the BFF's runtime code.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

const FRAMEWORK_IMPORTS = [
  'react',
  'react-dom',
  'hono',
  'drizzle-orm',
  'socket.io',
  'socket.io-client',
  'maplibre-gl',
  'pg',
  '@electric-sql/*',
  'node:*',
]

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.data/**',
      '**/test-results/**',
      '**/playwright-report/**',
      'public/**',
      'apps/bff/src/db/migrations/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['packages/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: FRAMEWORK_IMPORTS,
              message: 'packages/domain is pure: no framework or I/O imports.',
            },
            {
              group: ['@cityops/*'],
              message: 'packages/domain depends on nothing else in the workspace.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@cityops/bff', '@cityops/web', 'hono', 'drizzle-orm', 'pg', '@tanstack/*'],
              message: 'packages/ui is presentational: props in, callbacks out.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}', 'packages/ui/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['drizzle-orm', 'pg', '@electric-sql/*', 'hono/*', 'node:*'],
              message: 'The web app talks to the BFF over HTTP, not to its runtime.',
            },
          ],
          paths: [
            {
              name: '@cityops/bff',
              message: 'Only `import type` from the BFF.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/bff/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@cityops/web', '@cityops/ui', 'react', 'react-dom', 'maplibre-gl'],
              message: 'The BFF depends on the domain only.',
            },
          ],
        },
      ],
    },
  },
  prettier,
)
