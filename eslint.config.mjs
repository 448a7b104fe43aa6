// @ts-check
import { builtinModules } from 'node:module'
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/**
 * Layer boundaries from docs/architecture.md, enforced on import paths:
 * shared ← core ← main / cli / bridge; preload: shared + electron; renderer: shared only.
 */
const LAYERS = ['shared', 'core', 'main', 'preload', 'renderer', 'cli', 'bridge']
const NODE_BUILTINS = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)]

/**
 * @param {string} layer
 * @param {{ layers: string[], node?: boolean, electron?: boolean, react?: boolean }} allowed
 * @param {{ folder?: string, forbidden?: { group: string[], message: string }[] }} [within] a folder of the layer with more rules
 */
function boundary(layer, allowed, within = {}) {
  const forbiddenLayers = LAYERS.filter((other) => other !== layer && !allowed.layers.includes(other))
  const paths = []
  if (!allowed.node) paths.push(...NODE_BUILTINS.map((name) => ({ name, message: `src/${layer} must not use Node APIs.` })))
  if (!allowed.electron) paths.push({ name: 'electron', message: `src/${layer} must not import electron.` })
  if (!allowed.react) {
    paths.push({ name: 'react', message: `src/${layer} must not import React.` }, { name: 'react-dom', message: 'React DOM belongs to the renderer.' })
  }
  return {
    files: [`src/${layer}${within.folder ? `/${within.folder}` : ''}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths,
          patterns: [
            ...forbiddenLayers.map((other) => ({
              group: [`**/${other}`, `**/${other}/**`],
              message: `src/${layer} may not import src/${other} (see docs/architecture.md, Layers).`,
            })),
            ...(within.forbidden ?? []),
          ],
        },
      ],
    },
  }
}

/** The folders of src/core that hold checks. */
const CHECK_FOLDERS = ['scim', 'sso']

/** @param {string} folder @returns {(other: string) => { group: string[], message: string }} */
function checkFolderRule(folder) {
  return (other) => ({
    group: [`**/${other}`, `**/${other}/**`],
    message: `src/core/${folder} may not import src/core/${other}: what checks share lives in src/core/checks or src/shared.`,
  })
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  boundary('shared', { layers: [] }),
  boundary('core', { layers: ['shared'], node: true }),
  // Checks share what they share through core/checks (step runner, outcomes, network diagnosis) and shared, never
  // through each other's folders; core/checks is the framework and knows no check. (Flat config: these replace the
  // core rule for their folders, so they repeat it.)
  ...CHECK_FOLDERS.map((folder) =>
    boundary('core', { layers: ['shared'], node: true }, { folder, forbidden: CHECK_FOLDERS.filter((other) => other !== folder).map(checkFolderRule(folder)) }),
  ),
  boundary('core', { layers: ['shared'], node: true }, { folder: 'checks', forbidden: CHECK_FOLDERS.map(checkFolderRule('checks')) }),
  boundary('main', { layers: ['core', 'shared'], node: true, electron: true }),
  boundary('cli', { layers: ['core', 'shared'], node: true }),
  boundary('bridge', { layers: ['core', 'shared'], node: true }),
  boundary('preload', { layers: ['shared'], electron: true }),
  boundary('renderer', { layers: ['shared'], react: true }),
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'require', 'Buffer'],
    },
  },
  {
    // One check vocabulary (src/shared/checkOutcome.ts): a check step is made by stepFrom or the step runner, never
    // written out as an object literal, so every check judges decisiveness, timing and redaction the same way.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/shared/checkOutcome.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          // A step's title with its timing: a CheckStep being written out (the zod schemas that define it excepted).
          selector:
            "ObjectExpression:has(> Property[key.name='title']):has(> Property[key.name='durationMs']):not(CallExpression[callee.object.name='z'] > ObjectExpression)",
          message: 'Make a check step with stepFrom (src/shared/checkOutcome.ts) or runStep/finishedStep (src/core/checks/stepRunner.ts), not as a literal.',
        },
      ],
    },
  },
  {
    files: ['bin/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
)
