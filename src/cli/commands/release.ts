/**
 * `chartclerk release create | check ID | package ID | sent ID | list | accounting MRN | revoke DOC`:
 * release of information requests, their validity, the package, and the accounting of disclosures.
 */
import { writeFileSync } from 'node:fs'
import type { Command } from 'commander'
import { openApp } from '../../app.js'
import { clockFromConfig } from '../../clock/clock.js'
import { openDeskCatalog } from '../../catalog/db.js'
import { openSqlCatalog } from '../../catalog/sql/open.js'
import { ChartclerkError } from '../../errors.js'
import { silentLogger } from '../../log.js'
import { REQUIRED_ELEMENTS } from '../../release/check.js'
import { RELEASE_STATUSES, ReleaseRepo, parseReleaseRef, type ReleaseRequest, type ReleaseStatus } from '../../release/repo.js'
import {
  checkReleaseRequest,
  createRelease,
  isoDate,
  markReleaseSent,
  packageRelease,
  requesterType,
  revokeAuthorization,
  verifyReleaseIdentity,
} from '../../release/service.js'
import { configFrom, globalOptions } from '../context.js'
import { actingPerson, cliAudit } from './actor.js'

const list = (v: string | undefined): string[] =>
  v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : []
const out = (s: string): void => void process.stdout.write(s + '\n')

function summary(r: ReleaseRequest, asOf: string): string {
  const late = r.dueDate && (r.status === 'open' || r.status === 'packaged') ? (r.dueDate < asOf ? ' OVERDUE' : '') : ''
  return (
    `${r.releaseNumber} ${r.status.padEnd(8)} ${r.patientMrn} to ${r.recipientName} (${r.requesterType.replace(/_/g, ' ')}); requested ${r.requestDate}` +
    `${r.dueDate ? `; due ${r.dueDate}${late}` : ''}${r.sentAt ? `; sent ${r.sentAt} to ${r.sentTo}` : ''}`
  )
}

export function registerReleaseCommands(program: Command): void {
  const release = program
    .command('release')
    .description('Release of information: requests, validity, packages, the disclosure log and accounting')
  const json = (cmd: Command, o: { json?: boolean }) => !!(o.json || globalOptions(cmd).json)

  release
    .command('create')
    .description('Record a release request')
    .requiredOption('--mrn <mrn>', 'the patient')
    .requiredOption('--requester <name>', 'who asks')
    .requiredOption(
      '--type <type>',
      'requester type: patient, treatment (provider), attorney, insurer, required_by_law (law enforcement), other',
    )
    .requiredOption('--recipient <name>', 'who receives the records')
    .option('--address <address>', "the recipient's address", '')
    .requiredOption('--purpose <text>', 'the purpose of the disclosure')
    .option('--types <list>', 'document types asked for (comma-separated; default all)')
    .option('--from <date>', 'dates of service from (YYYY-MM-DD)')
    .option('--to <date>', 'dates of service to (YYYY-MM-DD)')
    .option('--documents <ids>', 'named documents (comma-separated document numbers)')
    .option('--date <date>', 'request date (default today)')
    .option('--authorization <id>', 'the authorization relied on (document number; default: a valid one filed to the chart)')
    .option('--identity-verified', "the requester's identity was verified")
    .option('--by <name>', 'who records the request (default: you, the system user)')
    .option('--json', 'print the request as JSON')
    .action(async (o: Record<string, string | boolean | undefined>, cmd: Command) => {
      const config = configFrom(cmd)
      const catalog = await openDeskCatalog(config.catalog)
      const sql = await openSqlCatalog(config.catalog, catalog.db).catch((err: unknown) => {
        catalog.close()
        throw err
      })
      try {
        const docs = list(o.documents as string | undefined).map((s) => {
          if (!/^\d+$/.test(s)) throw new ChartclerkError('USAGE', `--documents wants document numbers, not "${s}".`)
          return Number(s)
        })
        if (o.authorization !== undefined && !/^\d+$/.test(String(o.authorization)))
          throw new ChartclerkError('USAGE', '--authorization wants a document number.')
        const r = await createRelease(
          { catalog, sql, config, clock: clockFromConfig(config) },
          {
            patientMrn: String(o.mrn),
            requester: String(o.requester),
            requesterType: requesterType(String(o.type)),
            recipientName: String(o.recipient),
            recipientAddress: String(o.address ?? ''),
            purpose: String(o.purpose),
            docTypes: list(o.types as string | undefined),
            dateFrom: isoDate(o.from as string | undefined, '--from') ?? null,
            dateTo: isoDate(o.to as string | undefined, '--to') ?? null,
            documentIds: docs,
            requestDate: isoDate(o.date as string | undefined, '--date') ?? clockFromConfig(config).today(),
            authorizationId: o.authorization !== undefined ? Number(o.authorization) : null,
            identityVerified: !!o.identityVerified,
            createdBy: actingPerson(o.by as string | undefined),
          },
        )
        await cliAudit(config, catalog.db, o.by as string | undefined, {
          action: 'release.create',
          targetKind: 'release',
          targetId: r.releaseNumber,
          patientMrn: r.patientMrn,
          detail: { requesterType: r.requesterType },
        })
        if (json(cmd, o)) out(JSON.stringify(r))
        else out(`${r.releaseNumber} recorded${r.dueDate ? `; due ${r.dueDate}` : ''}. Next: chartclerk release check ${r.id}`)
      } finally {
        await sql.close()
        catalog.close()
      }
    })

  release
    .command('check')
    .description('Is the release allowed? Reasons when it is not, and what it would hold')
    .argument('<id>', 'release request (12 or ROI-000012)')
    .option('--as-of <date>', 'check as of this date (default today)')
    .option('--json', 'print the check as JSON')
    .action(async (ref: string, o: { asOf?: string; json?: boolean }, cmd: Command) => {
      const config = configFrom(cmd)
      const catalog = await openDeskCatalog(config.catalog)
      const sql = await openSqlCatalog(config.catalog, catalog.db).catch((err: unknown) => {
        catalog.close()
        throw err
      })
      try {
        const { request, check } = await checkReleaseRequest(
          { catalog, sql, config, clock: clockFromConfig(config) },
          parseReleaseRef(ref),
          isoDate(o.asOf, '--as-of'),
        )
        await cliAudit(config, catalog.db, null, {
          action: 'release.check',
          targetKind: 'release',
          targetId: request.releaseNumber,
          patientMrn: request.patientMrn,
          detail: { allowed: check.allowed },
        })
        if (json(cmd, o)) out(JSON.stringify(check))
        else {
          out(
            `${request.releaseNumber}: ${check.allowed ? 'ALLOWED' : 'REFUSED'}${check.authorizationId !== null ? ` (authorization: document ${check.authorizationId})` : ''}`,
          )
          for (const r of check.reasons) out(`  - ${r}`)
          if (check.missingElements.length)
            out(`  missing elements: ${check.missingElements.map((m) => REQUIRED_ELEMENTS[m] ?? m).join('; ')}`)
          for (const d of check.documents) out(`  release: document ${d.id} ${d.docType ?? ''} ${d.date ?? ''} (${d.pages} p.)`)
          for (const d of check.excluded) out(`  left out: document ${d.id} ${d.docType ?? ''}: ${d.reason}`)
          out(`  accountable disclosure: ${check.accountable ? 'yes' : 'no'}${check.part2 ? '; carries the 42 CFR 2.32 notice' : ''}`)
        }
        if (!check.allowed) process.exitCode = 1
      } finally {
        await sql.close()
        catalog.close()
      }
    })

  release
    .command('package')
    .description('Build the release PDF (cover letter, pages, footers) and store it under releases/')
    .argument('<id>', 'release request')
    .option('--out <file>', 'also write the PDF to this file')
    .option('--json', 'print the result as JSON')
    .action(async (ref: string, o: { out?: string; json?: boolean }, cmd: Command) => {
      const app = await openApp(configFrom(cmd), { log: silentLogger() })
      try {
        const { request, pkg } = await packageRelease(app, parseReleaseRef(ref))
        await cliAudit(app.config, app.catalog.db, null, {
          action: 'release.package',
          targetKind: 'release',
          targetId: request.releaseNumber,
          patientMrn: request.patientMrn,
          detail: { pages: pkg.pages, documents: pkg.documentIds, key: pkg.key, out: o.out ? 'file' : null },
        })
        if (o.out) writeFileSync(o.out, await app.store.get(pkg.key))
        if (json(cmd, o)) out(JSON.stringify({ release: request.releaseNumber, ...pkg }))
        else
          out(
            `${request.releaseNumber}: ${pkg.pages} pages (${pkg.documentIds.length} documents) stored as ${pkg.key}${o.out ? ` and written to ${o.out}` : ''}`,
          )
      } finally {
        await app.close()
      }
    })

  release
    .command('sent')
    .description('Record that the package went out: to whom and when (logged for the accounting)')
    .argument('<id>', 'release request')
    .option('--to <recipient>', 'sent to (default: the recipient)')
    .option('--date <date>', 'date sent (default today)')
    .option('--by <name>', 'who sent it (default: you, the system user)')
    .action(async (ref: string, o: { to?: string; date?: string; by?: string }, cmd: Command) => {
      const config = configFrom(cmd)
      const catalog = await openDeskCatalog(config.catalog)
      const sql = await openSqlCatalog(config.catalog, catalog.db).catch((err: unknown) => {
        catalog.close()
        throw err
      })
      try {
        const { request, disclosure } = await markReleaseSent(
          { catalog, sql, config, clock: clockFromConfig(config) },
          parseReleaseRef(ref),
          {
            to: o.to,
            on: isoDate(o.date, '--date'),
            by: actingPerson(o.by),
          },
        )
        await cliAudit(config, catalog.db, o.by, {
          action: 'release.sent',
          targetKind: 'release',
          targetId: request.releaseNumber,
          patientMrn: request.patientMrn,
          detail: { to: disclosure.recipientName, on: disclosure.disclosedOn, accountable: disclosure.accountable },
        })
        out(
          `${request.releaseNumber} sent ${disclosure.disclosedOn} to ${disclosure.recipientName}; ${disclosure.accountable ? 'in' : 'not in'} the accounting of disclosures`,
        )
      } finally {
        await sql.close()
        catalog.close()
      }
    })

  release
    .command('verify-identity')
    .description("Record that the requester's identity was checked (requests from the patient or their representative are held until then)")
    .argument('<id>', 'release request')
    .option('--how <text>', 'how it was checked, e.g. "driver licence at the front desk"')
    .option('--by <name>', 'who checked it (default: you, the signed-in system user)')
    .action(async (ref: string, o: { how?: string; by?: string }, cmd: Command) => {
      const config = configFrom(cmd)
      const catalog = await openDeskCatalog(config.catalog)
      const sql = await openSqlCatalog(config.catalog, catalog.db).catch((err: unknown) => {
        catalog.close()
        throw err
      })
      try {
        const by = actingPerson(o.by)
        const r = await verifyReleaseIdentity({ catalog, sql, config, clock: clockFromConfig(config) }, parseReleaseRef(ref), {
          by,
          how: o.how,
        })
        await cliAudit(config, catalog.db, o.by, {
          action: 'release.identity',
          targetKind: 'release',
          targetId: r.releaseNumber,
          patientMrn: r.patientMrn,
          detail: { how: o.how ?? null },
        })
        out(`${r.releaseNumber}: the requester's identity is recorded as verified. Next: chartclerk release package ${r.id}`)
      } finally {
        await sql.close()
        catalog.close()
      }
    })

  release
    .command('list')
    .description('Release requests (default: not yet sent)')
    .option('--due', 'only requests within 5 days of their deadline or past it')
    .option('--status <list>', `comma-separated: ${RELEASE_STATUSES.join(', ')}`)
    .option('--all', 'every status')
    .option('--mrn <mrn>', 'one chart')
    .option('--json', 'one JSON object per line')
    .action(async (o: { due?: boolean; status?: string; all?: boolean; mrn?: string; json?: boolean }, cmd: Command) => {
      const config = configFrom(cmd)
      const catalog = await openDeskCatalog(config.catalog)
      const sql = await openSqlCatalog(config.catalog, catalog.db).catch((err: unknown) => {
        catalog.close()
        throw err
      })
      try {
        const repo = new ReleaseRepo(sql)
        const asOf = clockFromConfig(config).today()
        const statuses = list(o.status) as ReleaseStatus[]
        for (const s of statuses)
          if (!RELEASE_STATUSES.includes(s))
            throw new ChartclerkError('USAGE', `--status: "${s}" is not one of ${RELEASE_STATUSES.join(', ')}.`)
        const rows = o.due
          ? (await repo.due(asOf)).filter((r) => !o.mrn || r.patientMrn === o.mrn)
          : await repo.list({ status: o.all ? undefined : statuses.length ? statuses : ['open', 'refused', 'packaged'], mrn: o.mrn })
        await cliAudit(config, catalog.db, null, {
          action: 'release.list',
          detail: { shown: rows.length, mrns: [...new Set(rows.map((r) => r.patientMrn))].slice(0, 500) },
        })
        for (const r of rows) out(json(cmd, o) ? JSON.stringify(r) : summary(r, asOf))
        if (!json(cmd, o)) out(`${rows.length} release request(s)`)
      } finally {
        await sql.close()
        catalog.close()
      }
    })

  release
    .command('accounting')
    .description('The accounting of disclosures (45 CFR 164.528): six years of accountable disclosures')
    .argument('<mrn>', 'the patient')
    .option('--as-of <date>', 'end of the six years (default today)')
    .option('--json', 'one JSON object per line')
    .action(async (mrn: string, o: { asOf?: string; json?: boolean }, cmd: Command) => {
      const config = configFrom(cmd)
      const catalog = await openDeskCatalog(config.catalog)
      const sql = await openSqlCatalog(config.catalog, catalog.db).catch((err: unknown) => {
        catalog.close()
        throw err
      })
      try {
        if (!(await catalog.patients.get(mrn))) throw new ChartclerkError('NOT_FOUND', `There is no patient ${mrn} in the patient index.`)
        const asOf = isoDate(o.asOf, '--as-of') ?? clockFromConfig(config).today()
        const rows = await new ReleaseRepo(sql).accounting(mrn, asOf)
        await cliAudit(config, catalog.db, null, {
          action: 'release.accounting',
          targetKind: 'chart',
          targetId: mrn,
          patientMrn: mrn,
          detail: { asOf, shown: rows.length },
        })
        if (json(cmd, o)) for (const d of rows) out(JSON.stringify(d))
        else {
          out(`Accounting of disclosures for ${mrn}, six years to ${asOf}`)
          out(['Date', 'Recipient', 'Address', 'Description of information', 'Purpose'].join('\t'))
          for (const d of rows)
            out([d.disclosedOn, d.recipientName, d.recipientAddress || '(address unknown)', d.description, d.purpose].join('\t'))
          out(`${rows.length} accountable disclosure(s)`)
        }
      } finally {
        await sql.close()
        catalog.close()
      }
    })

  release
    .command('revoke')
    .description("Record the patient's revocation of an authorization")
    .argument('<document>', 'the authorization (document number)')
    .option('--date <date>', 'date of the revocation (default today)')
    .option('--note <text>', 'e.g. how it was received')
    .option('--by <name>', 'who records it (default: you, the system user)')
    .action(async (ref: string, o: { date?: string; note?: string; by?: string }, cmd: Command) => {
      if (!/^\d+$/.test(ref)) throw new ChartclerkError('USAGE', `"${ref}" is not a document number.`)
      const config = configFrom(cmd)
      const catalog = await openDeskCatalog(config.catalog)
      const sql = await openSqlCatalog(config.catalog, catalog.db).catch((err: unknown) => {
        catalog.close()
        throw err
      })
      try {
        const rev = await revokeAuthorization({ catalog, sql, config, clock: clockFromConfig(config) }, Number(ref), {
          on: isoDate(o.date, '--date'),
          by: actingPerson(o.by),
          note: o.note,
        })
        out(`Authorization ${rev.authorizationId} revoked as of ${rev.revokedOn}.`)
      } finally {
        await sql.close()
        catalog.close()
      }
    })
}
