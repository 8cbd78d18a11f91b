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
  'release', 'reports', 'retention', 'inactive', 'prep', 'deficiencies', 'auth', 'audit', 'app',
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
    // Domain modules do not depend on the web desk; the desk and the command line assemble them.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/web/**', 'src/cli/**', 'src/storage/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'minio', message: 'The S3 client belongs in src/storage: use the ObjectStore interface.' }],
        patterns: [{ regex: '(^|/)web/', message: 'Domain code must not import the web desk (src/web); move what both need into the domain module.' }],
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
