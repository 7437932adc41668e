import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// DESIGN.md §1: folders by runtime, enforced here.
const nodeBuiltins = { group: ['node:*'], message: 'src/shared is pure: no Node built-ins.' };

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
              group: ['**/main/**', '**/renderer/**'],
              message: 'src/shared imports only src/shared.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'Buffer'],
    },
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
            { group: ['node:*'], message: 'The renderer runs in a sandbox: no Node built-ins.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/core/**', 'src/main/host/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The core and the host run in plain Node: no Electron.' },
          ],
          patterns: [{ group: ['**/renderer/**'], message: 'main never imports the renderer.' }],
        },
      ],
    },
  },
);
