// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import selectInLabel from './scripts/eslint/select-in-label.js';
import selectOptionsSelected from './scripts/eslint/select-options-selected.js';

/** DOM/browser globals that must never appear in core/ (it runs in the browser, in Node and in the CLI). */
const hostGlobals = [
  ...new Set(
    [...Object.keys(globals.browser), ...Object.keys(globals.node)].filter(
      (name) => !(name in globals.es2021),
    ),
  ),
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-server/', 'data/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // core/ is pure: the domain in plain functions. Time and randomness are parameters.
    files: ['core/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['yjs', 'y-*', 'lib0', 'lib0/*'],
              message: 'core/ is pure: no Yjs. Bridge Yjs in client/.',
            },
            {
              group: ['solid-js', 'solid-js/*'],
              message: 'core/ is pure: no Solid. Components live in client/.',
            },
            { group: ['ws', 'better-sqlite3'], message: 'core/ is pure: no network or storage.' },
            {
              group: ['node:*', 'fs', 'path', 'os', 'http', 'crypto', 'url'],
              message: 'core/ is pure: no Node built-ins.',
            },
            {
              group: ['../client/*', '../server/*', '../../client/*', '../../server/*'],
              message: 'core/ must not depend on client/ or server/.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...hostGlobals.map((name) => ({ name, message: 'core/ is pure: no DOM or Node globals.' })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'core/ is pure: pass "today" / "now" in as a parameter.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'core/ is pure: `new Date()` reads the clock; pass "today" in.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'core/ is pure: pass a seeded random source in.',
        },
      ],
    },
  },
  {
    // protocol/ holds what client and server both mean: pure, imports nothing of ours but itself.
    files: ['protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*'],
              message: 'protocol/ is shared by client and server: it imports nothing else.',
            },
          ],
        },
      ],
    },
  },
  {
    // doc/ bridges Yjs and the domain for the app and the server alike: no Solid, no DOM app code, no server.
    files: ['doc/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['solid-js', 'solid-js/*'],
              message: 'doc/ is framework-free: Solid stores live in client/src/stores.',
            },
            {
              group: ['**/client/*', '**/server/*'],
              message: 'doc/ is shared by client and server: it imports neither.',
            },
          ],
        },
      ],
    },
  },
  {
    // The server never imports from the client (shared facts live in protocol/ and doc/).
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/client/*'], message: 'server/ must not import client/: use protocol/ or doc/.' },
          ],
        },
      ],
    },
  },
  {
    // Accessible names of the app's controls, and selects that keep their choice (scripts/eslint/).
    files: ['client/src/**/*.tsx'],
    plugins: {
      haard: {
        rules: { 'select-in-label': selectInLabel, 'select-options-selected': selectOptionsSelected },
      },
    },
    rules: { 'haard/select-in-label': 'error', 'haard/select-options-selected': 'error' },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
