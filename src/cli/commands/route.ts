/** `chartclerk route list [--provider NAME] [--overdue]`, `chartclerk route ack DOCUMENT --by NAME`: outside reports routed to clinicians. */
import { clockFromConfig } from '../../clock/clock.js'
import type { Command } from 'commander'
import { actingPerson, cliAudit } from './actor.js'
import { openDeskCatalog } from '../../catalog/db.js'
import { openSqlCatalog, withSqlCatalog } from '../../catalog/sql/open.js'
import { UsersRepo } from '../../auth/users.js'
import { ChartclerkError } from '../../errors.js'
import { acknowledgeRoute } from '../../routing/acknowledge.js'
import { RoutesRepo } from '../../routing/repo.js'
import { rulesDirOf } from '../../app.js'
import { loadRuleSet, resolveChecksDir } from '../../rules/ruleset.js'
import { configFrom, globalOptions } from '../context.js'

export function registerRouteCommands(program: Command): void {
  const route = program
    .command('route')
    .description('Outside reports routed to clinicians for review (rules/routing/), and their acknowledgement')

  route
    .command('list')
    .description('Routed reports (default: not yet acknowledged), oldest first')
    .option('--provider <name>', 'routed to this clinician (however the name is written)')
    .option('--overdue', `only those not acknowledged within routing.escalateAfterDays`)
    .option('--all', 'acknowledged ones too')
    .option('--json', 'one JSON object per line')
    .action(async (o: { provider?: string; overdue?: boolean; all?: boolean; json?: boolean }, cmd: Command) => {
      const config = configFrom(cmd)
      const catalog = await openDeskCatalog(config.catalog)
      try {
        const clock = clockFromConfig(config)
        const rows = await withSqlCatalog(config.catalog, catalog.db, (sql) =>
          new RoutesRepo(sql).list(
            { provider: o.provider, open: !o.all, overdue: !!o.overdue, escalateAfterDays: config.routing.escalateAfterDays },
            clock,
          ),
        )
        await cliAudit(config, catalog.db, null, {
          action: 'routing.queue',
          detail: { provider: o.provider ?? null, shown: rows.length, mrns: [...new Set(rows.map((r) => r.patientMrn))].slice(0, 500) },
        })
        const json = !!(o.json || globalOptions(cmd).json)
        for (const r of rows) {
          if (json) process.stdout.write(JSON.stringify(r) + '\n')
          else
            process.stdout.write(
              `document ${r.documentId} ${r.docType ?? 'other'} ${r.patientMrn ?? ''} -> ${r.provider}; routed ${clock.localDate(r.routedAt)} (${r.daysOpen} d)` +
                `${r.acknowledgedAt ? `; acknowledged ${clock.localDate(r.acknowledgedAt)} by ${r.acknowledgedBy}` : r.overdue ? ' OVERDUE' : ''}\n`,
            )
        }
        if (!json) process.stdout.write(`${rows.length} routed report(s)\n`)
      } finally {
        catalog.close()
      }
    })

  route
    .command('ack')
    .description('Mark a routed report reviewed by its clinician')
    .argument('<document>', 'document id')
    .option('--by <name>', 'who reviewed it: the clinician (provider name or user name; default: you, the system user)')
    .option('--provider <name>', 'whose route it is, when someone records it for them (default: --by)')
    .action(async (docArg: string, o: { by?: string; provider?: string }, cmd: Command) => {
      if (!/^[1-9]\d{0,11}$/.test(docArg)) throw new ChartclerkError('USAGE', `"${docArg}" is not a document id.`)
      const by = actingPerson(o.by)
      const config = configFrom(cmd)
      const catalog = await openDeskCatalog(config.catalog)
      try {
        // --by may be a user name: the account's provider name is whose route it is (accounts
        // live where the desk keeps them: the PostgreSQL catalog when catalog.url is set).
        const sql = await openSqlCatalog(config.catalog, catalog.db)
        const account = await new UsersRepo(sql.db).byName(by).finally(() => sql.close())
        const provider = o.provider?.trim() || account?.providerName || by
        let ruleset = null
        try {
          ruleset = loadRuleSet(resolveChecksDir(rulesDirOf(config)))
        } catch {
          // the rule set is checked again by `chartclerk check`
        }
        const documentId = Number(docArg)
        const done = await withSqlCatalog(config.catalog, catalog.db, (sql) =>
          acknowledgeRoute(catalog, sql, ruleset, documentId, provider, by, clockFromConfig(config)),
        )
        const doc = await catalog.documents.get(documentId)
        await cliAudit(config, catalog.db, o.by, {
          action: 'routing.acknowledge',
          targetKind: 'document',
          targetId: String(documentId),
          patientMrn: doc?.patientMrn ?? null,
          detail: { provider },
        })
        process.stdout.write(`document ${documentId} acknowledged for ${done.map((r) => r.provider).join(', ')}\n`)
      } finally {
        catalog.close()
      }
    })
}
