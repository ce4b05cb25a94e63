import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** What the domain (shared/ outside adapters) never imports. */
const DOMAIN_PATTERNS = [
  {
    group: ['@aws-sdk/*'],
    message: 'only adapter files (dynamo-*.ts, kms-*.ts, sqs-*.ts, sns-*.ts, s3-*.ts, shared/aws/) import the SDK: take a port instead',
  },
  { group: ['**/aws/*', '**/aws/clients.ts'], message: 'only adapter files use the SDK clients: take a port instead' },
  { group: ['**/platform/env.ts'], message: 'only adapter files read the environment: take a port or the runtime config instead' },
  { group: ['**/infra/**', '**/local/**'], message: 'the domain never imports infra/ or local/' },
];
/** Use cases take ports; only adapters and wiring (wiring.ts, *-wiring.ts) import an adapter. */
const ADAPTERS = {
  group: ['**/dynamo-*', '**/kms-*', '**/sqs-*', '**/sns-*', '**/s3-*', '**/secrets-*', '!**/aws/dynamo-*'],
  message: 'only adapters and wiring import an adapter (dynamo-*, kms-*, sqs-*, sns-*, s3-*, secrets-*): take a port, built in wiring.ts',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', '.build/', 'web/dist/', '.data/', 'coverage/', '.test-logs/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='zod'][importKind!='type'] > ImportSpecifier[imported.name='z'][importKind!='type']",
          message: "use `import * as z from 'zod'`: the named `z` defeats tree-shaking (+370 KB per function)",
        },
      ],
    },
  },
  {
    // The domain boundary: use cases take ports; only adapter files (named for what they talk to)
    // touch the SDK, the clients or the environment. Nothing in shared/ reaches up into infra/ or local/.
    files: ['shared/**/*.ts'],
    ignores: [
      'shared/**/dynamo-*.ts',
      'shared/**/kms-*.ts',
      'shared/**/sqs-*.ts',
      'shared/**/sns-*.ts',
      'shared/**/s3-*.ts',
      'shared/**/http-*.ts',
      'shared/**/secrets-*.ts',
      'shared/aws/**',
      'shared/platform/env.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [...DOMAIN_PATTERNS, ADAPTERS],
        },
      ],
    },
  },
  {
    // wiring picks the adapters; it may import them (and the generic secret reader in shared/aws), and
    // still not the SDK or the environment
    files: ['shared/**/wiring.ts', 'shared/**/*-wiring.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: DOMAIN_PATTERNS.map((p) => (p.group.includes('**/aws/*') ? { ...p, group: [...p.group, '!**/aws/secret-json.ts'] } : p)) },
      ],
    },
  },
  {
    // handlers are thin: they take their ports from a context's wiring, never an adapter directly
    files: ['functions/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/dynamo-*',
                '**/kms-*',
                '**/sqs-*',
                '**/sns-*',
                '**/s3-*',
                '**/http-*',
                '**/secrets-*',
                '!**/aws/**',
                '!**/platform/http-custom-resource.ts',
              ],
              message:
                "a handler takes its ports from the context's wiring (wiring.ts, *-wiring.ts), never an adapter (dynamo-*, kms-*, sqs-*, sns-*, s3-*, http-*, secrets-*)",
            },
          ],
        },
      ],
    },
  },
  {
    // the web reaches shared/ (labels, rules, published response types) through its alias only
    files: ['web/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(\\.\\./)+shared/', message: "import shared/ as '@shared/…' (web/vite.config.ts)" }] }],
    },
  },
  {
    // files past what one reader holds are split into cohesive modules (docs/ARCHITECTURE.md)
    files: ['shared/**/*.ts', 'functions/**/*.ts', 'local/**/*.ts', 'web/src/**/*.{ts,tsx}'],
    ignores: [
      // data, not code: the list of passwords refused
      'shared/identity/common-passwords.ts',
    ],
    rules: { 'max-lines': ['error', { max: 350, skipBlankLines: true, skipComments: true }] },
  },
  {
    // tests poke at loosely typed JSON answers
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // handlers and domain code log through the Powertools logger only (it masks personal data)
    files: ['functions/**/*.ts', 'shared/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
);
