/**
 * `chartclerk hold add|remove|list` and `chartclerk purge --dry-run | --approve --by NAME`:
 * legal holds and destruction under the retention schedule (rules/retention.json).
 */
import { clockFromConfig } from '../../clock/clock.js'
import { writeFileSync } from 'node:fs'
import type { Command } from 'commander'
import { actingPerson, cliAudit } from './actor.js'
import { openApp } from '../../app.js'
import { openDeskCatalog } from '../../catalog/db.js'
import { ChartclerkError } from '../../errors.js'
import { silentLogger } from '../../log.js'
import { isoDate } from '../../release/service.js'
import { withSqlCatalog } from '../../catalog/sql/open.js'
import { HoldsRepo, liftHolds, placeHold } from '../../retention/holds.js'
import { approvePurge, planPurge } from '../../retention/purge.js'
import { configFrom, globalOptions } from '../context.js'

const out = (s: string): void => void process.stdout.write(s + '\n')

export function registerRetentionCommands(program: Command): void {
  const hold = program.command('hold').description('Legal holds: a held chart is never destroyed')
  hold
    .command('add')
    .argument('<mrn>', 'the chart')
    .requiredOption('--reason <text>', 'why (litigation, audit, investigation)')
    .option('--by <name>', 'who places the hold (default: you, the system user)')
    .action(async (mrn: string, o: { reason: string; by?: string }, cmd: Command) => {
      const config = configFrom(cmd)
      const catalog = await openDeskCatalog(config.catalog)
      try {
        const h = await withSqlCatalog(config.catalog, catalog.db, (sql) => placeHold({ catalog, sql }, mrn, o.reason, actingPerson(o.by)))
        await cliAudit(config, catalog.db, o.by, {
          action: 'retention.hold',
          targetKind: 'chart',
          targetId: mrn,
          patientMrn: mrn,
          detail: { hold: h.id, reason: o.reason },
        })
        out(`Legal hold ${h.id} placed on ${mrn}.`)
      } finally {
        catalog.close()
      }
    })
  hold
    .command('remove')
    .argument('<mrn>', 'the chart')
    .requiredOption('--reason <text>', 'why the hold is lifted')
    .option('--by <name>', 'who lifts it (default: you, the system user)')
    .action(async (mrn: string, o: { reason: string; by?: string }, cmd: Command) => {
      const config = configFrom(cmd)
      const catalog = await openDeskCatalog(config.catalog)
      try {
        const n = await withSqlCatalog(config.catalog, catalog.db, (sql) => liftHolds({ catalog, sql }, mrn, o.reason, actingPerson(o.by)))
        await cliAudit(config, catalog.db, o.by, {
          action: 'retention.release',
          targetKind: 'chart',
          targetId: mrn,
          patientMrn: mrn,
          detail: { holds: n, reason: o.reason },
        })
        out(`${n} legal hold(s) on ${mrn} lifted.`)
      } finally {
        catalog.close()
      }
    })
  hold
    .command('list')
    .description('Charts under a legal hold')
    .option('--json', 'one JSON object per line')
    .action(async (o: { json?: boolean }, cmd: Command) => {
      const config = configFrom(cmd)
      const catalog = await openDeskCatalog(config.catalog)
      try {
        const holds = await withSqlCatalog(config.catalog, catalog.db, (sql) => new HoldsRepo(sql).active())
        for (const h of holds)
          out(
            o.json || globalOptions(cmd).json
              ? JSON.stringify(h)
              : `${h.patientMrn} hold ${h.id} since ${clockFromConfig(config).localDate(h.placedAt)} by ${h.placedBy}: ${h.reason}`,
          )
        if (!(o.json || globalOptions(cmd).json)) out(`${holds.length} legal hold(s)`)
      } finally {
        catalog.close()
      }
    })

  program
    .command('purge')
    .description('Destroy what has passed retention (rules/retention.json); never a chart under a legal hold')
    .option('--dry-run', 'list what has passed retention, change nothing')
    .option('--approve', 'destroy it and write the certificate of destruction')
    .option('--by <name>', 'who destroys the records (with --approve; default: you, the system user)')
    .option('--approver <name>', 'who approved the destruction (default: --by)')
    .option('--witness <name>', 'witness, printed on the certificate')
    .option('--jurisdiction <name>', 'schedule to apply (default: the one rules/retention.json names)')
    .option('--as-of <date>', 'judge retention as of this date (default today)')
    .option('--out <file>', 'also write the certificate (HTML) to this file')
    .option('--json', 'print the result as JSON')
    .action(
      async (
        o: {
          dryRun?: boolean
          approve?: boolean
          by?: string
          approver?: string
          witness?: string
          jurisdiction?: string
          asOf?: string
          out?: string
          json?: boolean
        },
        cmd: Command,
      ) => {
        if (!!o.dryRun === !!o.approve) throw new ChartclerkError('USAGE', 'Say either --dry-run (list) or --approve (destroy).')
        const json = !!(o.json || globalOptions(cmd).json)
        const asOf = isoDate(o.asOf, '--as-of')
        const config = configFrom(cmd)
        if (o.dryRun) {
          const catalog = await openDeskCatalog(config.catalog)
          try {
            const plan = await withSqlCatalog(config.catalog, catalog.db, (sql) =>
              planPurge({ catalog, sql, config, clock: clockFromConfig(config) }, { asOf, jurisdiction: o.jurisdiction }),
            )
            await cliAudit(config, catalog.db, o.by, {
              action: 'retention.purge',
              detail: {
                dryRun: true,
                asOf: plan.asOf,
                candidates: plan.candidates.length,
                mrns: [...new Set(plan.candidates.map((c) => c.patientMrn))].slice(0, 500),
              },
            })
            if (json)
              out(JSON.stringify({ asOf: plan.asOf, jurisdiction: plan.jurisdiction, candidates: plan.candidates, held: plan.held }))
            else {
              out(`Past retention as of ${plan.asOf} (${plan.jurisdiction}):`)
              for (const c of plan.candidates)
                out(
                  `  ${c.patientMrn} document ${c.documentId} ${c.docType ?? ''} ${c.date}; last encounter ${c.lastEncounter}, kept until ${c.retainUntil}`,
                )
              for (const h of plan.held) out(`  held: ${h.patientMrn} (${h.documents} document(s) past retention kept by a legal hold)`)
              out(`${plan.candidates.length} document(s) would be destroyed. Nothing was changed.`)
            }
          } finally {
            catalog.close()
          }
          return
        }
        const app = await openApp(config, { log: silentLogger() })
        try {
          const r = await approvePurge(app, {
            by: actingPerson(o.by),
            approver: o.approver,
            witness: o.witness,
            asOf,
            jurisdiction: o.jurisdiction,
          })
          await cliAudit(app.config, app.catalog.db, o.by, {
            action: 'retention.purge',
            outcome: r.locked.length ? 'failed' : 'ok',
            detail: {
              destroyed: r.destroyed.length,
              locked: r.locked.length,
              certificate: r.certificate?.number ?? null,
              approver: o.approver ?? null,
              mrns: [...new Set(r.destroyed.map((d) => d.patientMrn))].slice(0, 500),
            },
          })
          if (o.out && r.html) writeFileSync(o.out, r.html)
          if (json) out(JSON.stringify({ destroyed: r.destroyed, locked: r.locked, certificate: r.certificate }))
          else {
            out(
              `${r.destroyed.length} document(s) destroyed${r.certificate ? `; certificate ${r.certificate.number} stored as ${r.certificate.htmlKey}${o.out ? ` and written to ${o.out}` : ''}` : ''}.`,
            )
            for (const l of r.locked) out(`  NOT destroyed: document ${l.documentId} (${l.patientMrn}): ${l.message}`)
          }
          if (r.locked.length) process.exitCode = 1
        } finally {
          await app.close()
        }
      },
    )
}
