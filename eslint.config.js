// ESLint flat config: typescript-eslint with type information for TypeScript, the .mjs scripts and
// the frontmatter of .astro components; eslint-plugin-astro for the components themselves.
// `npm run lint` runs it with --max-warnings 0, then `prettier --check .` (see docs/decisions.md).
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    'dist/',
    'node_modules/',
    '.astro/',
    'bench/work/',
    'tmp/',
    'test-results/',
    '.dist.staging/',
    // Content fixtures for the build and the checker; some are malformed on purpose.
    'tests/fixtures/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  astro.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.astro'],
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_` marks a parameter or binding kept on purpose (a callback's position, a destructured rest).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // .astro components are linted without type information: astro-eslint-parser has no project
    // service, and with a project it took more CPU time for 47 components than the whole TypeScript
    // tree while typing every JSX expression as an error type (72 false "unsafe return" findings).
    // `astro check` (npm run typecheck) type-checks them strictly. See docs/decisions.md.
    files: ['**/*.astro'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { parserOptions: { projectService: false, project: null } },
  },
  {
    // Scripts inside .astro components run in the browser; they are virtual files outside the project.
    files: ['**/*.astro/*.ts', '**/*.astro/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Vitest's asymmetric matchers (expect.stringMatching, expect.any) are typed `any` so that they
    // fit any field; assigning them inside toMatchObject/toEqual is their purpose.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
);
