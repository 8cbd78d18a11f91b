/**
 * Catalog migrations, applied in order, each once, in a transaction. Append new
 * ones at the end; never edit one that has shipped.
 */
import * as m001 from './001-documents.js'
import * as m002 from './002-deficiencies.js'
import * as m003 from './003-patients.js'
import * as m004 from './004-records-requests.js'
import * as m006 from './006-release-of-information.js'
import * as m007 from './007-retention-and-destruction.js'
import * as m008 from './008-inactive-charts.js'
import * as m009 from './009-appointments.js'
import * as m010 from './010-users-and-sessions.js'
import * as m011 from './011-audit-log.js'
import * as m012 from './012-routing.js'
import * as m013 from './013-job-crashes.js'
import * as m014 from './014-desk-ruleset-versions.js'
import * as m015 from './015-searchable-pending.js'
import * as m016 from './016-split-batches.js'
import * as m017 from './017-job-queue.js'
import * as m018 from './018-one-rule-set.js'
import * as m019 from './019-receipt-site.js'
import * as m020 from './020-search-like-fts5.js'
import * as m021 from './021-sign-in-failures.js'

export interface Migration {
  version: number
  name: string
  up: string
}

export const MIGRATIONS: Migration[] = [
  { version: 1, name: 'documents', up: m001.up },
  { version: 2, name: m002.name, up: m002.up },
  { version: 3, name: 'patients', up: m003.up },
  { version: 4, name: m004.name, up: m004.up },
  { version: 6, name: m006.name, up: m006.up },
  { version: 7, name: m007.name, up: m007.up },
  { version: 8, name: m008.name, up: m008.up },
  { version: 9, name: m009.name, up: m009.up },
  { version: 10, name: m010.name, up: m010.up },
  { version: 11, name: m011.name, up: m011.up },
  { version: 12, name: m012.name, up: m012.up },
  { version: 13, name: m013.name, up: m013.up },
  { version: 14, name: m014.name, up: m014.up },
  { version: 15, name: m015.name, up: m015.up },
  { version: 16, name: m016.name, up: m016.up },
  { version: 17, name: m017.name, up: m017.up },
  { version: 18, name: m018.name, up: m018.up },
  { version: 19, name: m019.name, up: m019.up },
  { version: 20, name: m020.name, up: m020.up },
  { version: 21, name: m021.name, up: m021.up },
]
