import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** Pure domain code must not reach for the UI, the DOM player or the store. */
const pureDomainImports = {
  patterns: [
    { group: ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*', 'wavesurfer.js', 'wavesurfer.js/*'], message: 'transcript/ and align/ are pure: no React, zustand or wavesurfer.' },
    { group: ['**/ui/*', '**/app/*', '**/store/*', '**/player/*', '**/editor/*'], message: 'transcript/ and align/ must not import from the app layers.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/', 'dist-e2e/', 'node_modules/', 'coverage/', '.scratch/', 'bench-data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/transcript/**/*.ts', 'src/align/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', pureDomainImports] },
  },
  {
    files: ['src/player/**/*.ts', 'src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/ui/*', '**/app/*', '**/editor/*'], message: 'Imports flow one way: shared -> features -> app.' }] }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    ignores: ['**/*.test.*'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/app/*'], message: 'ui/ must not import from app/ (the composition root).' }] }],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
