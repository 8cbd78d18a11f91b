/**
 * Catalog migrations, applied in order, each once, in a transaction. Append new
 * ones at the end; never edit one that has shipped.
 */
import * as m001 from './001-documents.js'
import * as m002 from '../../deficiencies/migration.js'

export interface Migration {
  version: number
  name: string
  up: string
}

export const MIGRATIONS: Migration[] = [
  { version: 1, name: 'documents', up: m001.up },
  { version: 2, name: m002.name, up: m002.up },
]
