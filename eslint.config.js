// ESLint for the project's own code: src, tests, scripts, the config files and public/search.js.
// Formatting is Prettier's job (.prettierrc.json); no rule here is about layout.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Patterns that compile but hide a mistake from the type checker.
const restrictedSyntax = [
  'error',
  {
    // `xs.find(...)!`, `xs.find(...)!.name` and `(xs?.find(...))!`; findLast too.
    selector: [
      'TSNonNullExpression > CallExpression.expression[callee.property.name=/^find(Last)?$/]',
      'TSNonNullExpression > ChainExpression > CallExpression.expression[callee.property.name=/^find(Last)?$/]',
    ].join(', '),
    message:
      '`.find(...)!` asserts that something is found without checking. Handle `undefined` (throw a clear error, or give a default) instead of `!`.',
  },
  {
    // `x as unknown as T`: the inner `as unknown` is the outer assertion's expression.
    selector: "TSAsExpression > TSAsExpression.expression[typeAnnotation.type='TSUnknownKeyword']",
    message:
      "`as unknown as` only where a library's types force it, with `// eslint-disable-next-line no-restricted-syntax -- <library> types: <why>` above it.",
  },
];

export default defineConfig([
  globalIgnores(['dist/', 'releases/', '.astro/', '.qualpress/', '.scratch/', 'data/', 'content/', 'tests/fixtures/']),

  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  astro.configs.recommended,

  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-restricted-syntax': restrictedSyntax,
      // `const { omitted: _omitted, ...rest } = object` is how the code leaves out a key.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },

  // Type-aware rules need a file in tsconfig.json's program. The JavaScript config files and
  // the browser script are outside it. astro-eslint-parser has no project service, and with
  // `project: true` the types in .astro files come out unresolved, so typed rules would report
  // false errors there. These files get the rules that need no types.
  {
    files: ['**/*.js', '**/*.mjs', '**/*.astro', '**/*.astro/*.ts', '**/*.astro/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },

  {
    files: ['*.js', '*.mjs'],
    languageOptions: { globals: globals.node },
  },

  // Tests read the site's own JSON downloads and JSON-LD back with JSON.parse and check them
  // field by field with expect(); typing every parsed value would restate the product's types
  // without checking anything more. The unsafe-`any` rules stay on for src/ and scripts/.
  {
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },

  // The search page's script runs in the browser as a classic script.
  {
    files: ['public/**/*.js'],
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },
]);
