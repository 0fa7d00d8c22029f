// Lint for every part: TypeScript on both sides, Vue single-file components in the renderer.
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import vueParser from 'vue-eslint-parser';
import { layersRule } from './scripts/lint/layers.js';

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'release/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['error', 'warn'] }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
    },
  },
  {
    // shared/ is used by both processes: nothing from Node, Electron or the DOM.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'electron', 'better-sqlite3', 'fs', 'path', 'crypto'] }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer'],
    },
  },
  {
    // The layers of docs/architecture.md: the renderer never reaches the core, hosts and the CLI go through api/ and
    // the desk's start-up module, a feature reaches another only through its index.ts, shared/ imports no runtime.
    files: ['shared/**/*.ts', 'src-main/**/*.ts', 'src-renderer/**/*.ts', 'src-renderer/**/*.vue'],
    plugins: { local: { rules: { layers: layersRule } } },
    rules: { 'local/layers': 'error' },
  },
  {
    // The core never imports Electron: every rule must be testable in plain Node.
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/hosts/electron/**'],
    rules: { 'no-restricted-imports': ['error', { paths: ['electron'] }] },
  },
  {
    files: ['scripts/**/*.mjs', 'tests/bench/**/*.ts', 'src-main/cli/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  // renderer layering
  {
    // One door to the core (core/client.ts's request), the only module that imports the transport; message keys
    // checked (composables/i18n.ts's useI18n); shared/ by its alias; nothing from the main process.
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.vue'],
    ignores: ['src-renderer/src/core/client.ts', 'src-renderer/src/composables/i18n.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vue-i18n', importNames: ['useI18n'], message: 'Use useI18n from @/composables/i18n: its t takes only keys the locale has.' }],
          patterns: [
            { group: ['**/core/transport', './transport'], message: 'Call the core through request from @/core/client: it ends an expired session the same way for every screen.' },
            { group: ['**/src-main/**'], message: 'The renderer reaches the core only through @/core/client.' },
            { group: ['../**/shared/**'], message: 'Import shared/ as @shared/….' },
          ],
        },
      ],
    },
  },
);
