import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** Pure domain code must not reach for the UI, the DOM player or the store. */
const pureDomainImports = {
  patterns: [
    { group: ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*', 'wavesurfer.js', 'wavesurfer.js/*'], message: 'transcript/ and align/ are pure: no React, zustand or wavesurfer.' },
    { group: ['**/ui/*', '**/app/*', '**/store/*', '**/player/*', '**/editor/*', '**/embed/*'], message: 'transcript/ and align/ must not import from the app layers.' },
  ],
};

/** Imports flow one way: shared -> features -> app. */
const appLayers = { group: ['**/ui/*', '**/app/*', '**/editor/*'], message: 'player/ and store/ must not import from ui/, editor/ or app/: imports flow one way (shared -> features -> app).' };
/** The player reports (typed events); the editor decides. */
const playerReportsOnly = {
  group: ['**/store/*', '**/transcript/edit/*'],
  message: 'player/ reports what happened (typed events) and never writes the store or edits the transcript: src/editor/ turns its events into commands.',
};

/** Where the full type-checked rule set applies (other folders get the promise rules; see below). */
const APP_LAYERS = ['src/app/**/*.{ts,tsx}', 'src/store/**/*.{ts,tsx}', 'src/editor/**/*.{ts,tsx}', 'src/ui/**/*.{ts,tsx}', 'src/main.tsx'];

export default tseslint.config(
  { ignores: ['dist/', 'dist-e2e/', 'node_modules/', 'coverage/', '.scratch/', 'bench-data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      // Type-aware: the promise rules below need the types.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // A promise nobody awaits loses its error: everywhere, `await` it, `void` it on purpose, or `.catch` it.
      // node:test's describe/it return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] }] },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // The app layers (composition root, store, editor, UI) get every type-checked rule of typescript-eslint.
  // (Their tests keep the promise rules only: fakes implement async interfaces with plain values.)
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: APP_LAYERS, ignores: ['**/*.test.*'] })),
  {
    files: APP_LAYERS,
    ignores: ['**/*.test.*'],
    rules: {
      // zustand actions and emitter methods are closures, not `this`-bound methods: passing them around is safe.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // The workers are typed with WebWorker globals only (tsconfig.worker.json), not the page's DOM.
    files: ['src/align/align-worker.ts', 'src/app/parse-worker.ts', 'src/app/detect-language-worker.ts'],
    languageOptions: { parserOptions: { projectService: false, project: './tsconfig.worker.json', tsconfigRootDir: import.meta.dirname } },
  },
  {
    files: ['src/transcript/**/*.ts', 'src/align/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', pureDomainImports] },
  },
  {
    files: ['src/store/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [appLayers] }] },
  },
  {
    files: ['src/player/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [appLayers, playerReportsOnly] }] },
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
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
