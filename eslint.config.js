// Lint rules that keep chartclerk's dependencies pointing one way:
// domain code never reaches into the web desk, the catalog stays data access,
// and the S3 client stays behind the object-store interface.
import tseslint from 'typescript-eslint'
import importX from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import prettier from 'eslint-config-prettier'

// Everything that uses the catalog. The catalog may still read a module's own migration file
// (SQL only) and the pure key functions of src/patients.
const layersAboveCatalog = [
  'web', 'cli', 'ingest', 'extract', 'extract-fields', 'classify', 'storage', 'review', 'charts', 'rules', 'routing',
  'release', 'reports', 'retention', 'inactive', 'prep', 'deficiencies', 'auth', 'audit', 'app', 'daemon',
]

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench/results/**', 'coverage/**', '**/*.js', '!eslint.config.js'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.base, importX.flatConfigs.typescript],
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // Domain modules do not depend on the web desk, nor on the assembly (src/app.ts): each declares
    // the narrow dependencies it takes ({ catalog, storeWithArchive, clock }...), and the desk, the
    // command line and the daemon assemble them.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/web/**', 'src/cli/**', 'src/storage/**', 'src/daemon/**', 'src/app.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'minio', message: 'The S3 client belongs in src/storage: use the ObjectStore interface.' }],
        patterns: [
          { regex: '(^|/)web/', message: 'Domain code must not import the web desk (src/web); move what both need into the domain module.' },
          { regex: '^(\\.\\./)+app\\.js$', message: 'Domain code must not import the assembly (src/app.ts): declare the narrow dependencies the module needs, e.g. { catalog: Catalog; clock: Clock }.' },
        ],
      }],
    },
  },
  {
    // The assembly and the daemon put the domain together; they still stay out of the web desk
    // (the daemon is handed the desk to start).
    files: ['src/app.ts', 'src/daemon/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'minio', message: 'The S3 client belongs in src/storage: use the ObjectStore interface.' }],
        patterns: [{ regex: '(^|/)web/', message: 'The assembly must not import the web desk (src/web); the command line hands it in.' }],
      }],
    },
  },
  {
    // The catalog is data access only: it knows tables and types, not the layers that use it.
    files: ['src/catalog/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'minio', message: 'The S3 client belongs in src/storage.' }],
        patterns: [{ regex: `^\\.\\./(\\.\\./)?(${layersAboveCatalog.join('|')})(/(?!migration\\.js$)|\\.js$)`, message: 'src/catalog is data access only: it must not import the layers that use it.' }],
      }],
    },
  },
  prettier,
)
