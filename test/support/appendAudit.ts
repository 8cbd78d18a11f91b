/**
 * A second process writing the audit log (for the contract suite): opens the SQLite catalog
 * named by argv[2], says it is ready (creates `<argv[5]>.<argv[4]>`), waits for the file
 * argv[5] to appear (so that all writers start together), then appends argv[3] rows as argv[4].
 *
 *   tsx test/support/appendAudit.ts catalog.sqlite 200 desk1 /tmp/x/go
 */
import { existsSync, writeFileSync } from 'node:fs'
import { AuditLog } from '../../src/audit/log.js'
import { openCatalog } from '../../src/catalog/db.js'
import { sqliteSqlCatalog } from '../../src/catalog/sql/open.js'

const [file, n, actor, go] = process.argv.slice(2)
const catalog = openCatalog(file!)
const audit = new AuditLog(sqliteSqlCatalog(catalog.db))
writeFileSync(`${go}.${actor}`, '')
while (!existsSync(go!)) await new Promise((r) => setTimeout(r, 5))
// A short pause after each append, as a desk between events: on a loaded machine one writer would otherwise finish
// its rows before the others are scheduled, and the test would not see them write at the same time.
for (let i = 0; i < Number(n); i++) {
  await audit.append({ actor: actor!, action: 'search', detail: { i }, source: 'test' })
  await new Promise((r) => setTimeout(r, 2))
}
catalog.close()
