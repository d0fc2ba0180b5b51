import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronOnlyInDesktop = {
  paths: [
    { name: 'electron', message: 'Only src-main/desktop/ (and the preload) may import electron.' },
  ],
  patterns: [
    {
      group: ['electron/*'],
      message: 'Only src-main/desktop/ (and the preload) may import electron.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'dist-headless/',
      'coverage/',
      'test-results/',
      '.tmp/',
      '.scratch/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': ['error', electronOnlyInDesktop],
    },
  },
  {
    files: ['proxy/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: electronOnlyInDesktop.paths,
          patterns: [
            ...electronOnlyInDesktop.patterns,
            {
              group: ['**/src-main/**', '**/src-renderer/**', 'src-main/*', 'src-renderer/*'],
              message: 'The engine (proxy/) must not depend on the application or the UI.',
            },
          ],
        },
      ],
    },
  },
  {
    // The desktop shell and the preload bridge are the only places Electron exists.
    files: ['src-main/desktop/**', 'src-preload/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
