import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Folders by runtime, enforced here (test/main/folderRules.test.ts checks that the rules bite).
const nodeBuiltins = { group: ['node:*'], message: 'src/shared is pure: no Node built-ins.' };
const mainNeverImportsRenderer = {
  group: ['**/renderer/**'],
  message: 'main never imports the renderer.',
};
const onlyTheShellUsesElectron = {
  name: 'electron',
  message: 'Only the Electron shell (src/main/electron) uses Electron.',
};
const coreAndHostWithoutElectron = {
  name: 'electron',
  message: 'The core and the host run in plain Node: no Electron.',
};
const mainNeverImportsServer = {
  group: ['**/server/**'],
  message: 'The app reaches the team server only over the network (src/shared/team).',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.tools/**', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'src/shared runs in both processes: no Electron.' },
            { name: 'react', message: 'src/shared is UI-free.' },
            { name: 'react-dom', message: 'src/shared is UI-free.' },
          ],
          patterns: [
            nodeBuiltins,
            {
              group: ['**/main/**', '**/renderer/**', '**/server/**'],
              message: 'src/shared imports only src/shared.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'Buffer'],
    },
  },
  {
    // The rules of hooks, and React's own checks of components (no state set during render,
    // no ref read during render, effects that list what they use).
    files: ['src/renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['src/renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The renderer talks to main only through the API client.',
            },
          ],
          patterns: [
            { group: ['**/main/**'], message: 'The renderer never imports src/main.' },
            { group: ['**/server/**'], message: 'The renderer never imports the team server.' },
            { group: ['node:*'], message: 'The renderer runs in a sandbox: no Node built-ins.' },
          ],
        },
      ],
    },
  },
  {
    // No part of main reaches the renderer, and the app reaches the team server only over the
    // network. Flat config replaces a rule per file rather than merging it, so each block below
    // for a part of src/main repeats these patterns.
    files: ['src/main/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [onlyTheShellUsesElectron],
          patterns: [mainNeverImportsRenderer, mainNeverImportsServer],
        },
      ],
    },
  },
  {
    // The Electron shell: the one part of main that may use Electron.
    files: ['src/main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [mainNeverImportsRenderer, mainNeverImportsServer] },
      ],
    },
  },
  {
    files: ['src/main/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [coreAndHostWithoutElectron],
          patterns: [
            mainNeverImportsRenderer,
            mainNeverImportsServer,
            {
              group: ['**/electron/**', '**/host/**'],
              message: 'The core serves both shells: it imports neither.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/host/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [coreAndHostWithoutElectron],
          patterns: [mainNeverImportsRenderer, mainNeverImportsServer],
        },
      ],
    },
  },
  {
    files: ['src/server/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The team server runs in plain Node: no Electron.' },
            { name: 'react', message: 'The team server has no UI.' },
            { name: 'react-dom', message: 'The team server has no UI.' },
            { name: 'better-sqlite3', message: 'The team server keeps its data in PostgreSQL.' },
          ],
          patterns: [
            {
              group: ['**/main/**', '**/renderer/**'],
              message: 'src/server imports only src/shared and its own dependencies.',
            },
          ],
        },
      ],
    },
  },
  {
    // Small files named after what they hold: one that grows past this holds two things.
    // The dictionaries are lists, read by key.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/renderer/i18n/vi.ts', 'src/renderer/i18n/en.ts'],
    rules: { 'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }] },
  },
);
