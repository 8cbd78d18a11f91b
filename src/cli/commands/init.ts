/**
 * `chartclerk init`: a desk's first set-up. Takes the MRN format, the date order, the clinic's
 * time zone, the inbox folder and storage from flags, or asks for what is missing when run at a
 * terminal; writes a commented chartclerk.config.json; makes the inbox; creates the first
 * administrator account and prints its one-time password. Never overwrites a configuration
 * without --force.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Command } from 'commander'
import { cliActor, cliSource } from './user.js'
import { AuditLog } from '../../audit/log.js'
import { UsersRepo } from '../../auth/users.js'
import { openSqlCatalog } from '../../catalog/sql/open.js'
import { openDeskCatalog } from '../../catalog/db.js'
import { loadConfig } from '../../config/config.js'
import { ChartclerkError } from '../../errors.js'
import { renderConfig, type SetupAnswers } from '../../setup/configFile.js'
import { mrnPatternFrom, OUTSIDE_NUMBERS, testMrns, type MrnFormat } from '../../setup/mrnFormat.js'
import { globalOptions } from '../context.js'
import { printJson, printLine } from '../output.js'

interface InitOptions {
  mrnFormat?: string
  mrnExample?: string[]
  dateOrder?: string
  timeZone?: string
  storage?: string
  s3Endpoint?: string
  s3Bucket?: string
  s3Region?: string
  clinicName?: string
  admin: string
  force?: boolean
  input: boolean
}

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

/** The zone this machine is set to, when it has a real name (else UTC). */
function systemTimeZone(): string {
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone
  return tz && isTimeZone(tz) ? tz : 'UTC'
}

function dateOrderOf(v: string): 'MDY' | 'DMY' {
  const up = v.trim().toUpperCase()
  if (up === 'MDY' || up === 'DMY') return up
  throw new ChartclerkError('USAGE', `--date-order is MDY (03/04/2025 is March 4) or DMY (03/04/2025 is 3 April); "${v}" is neither.`)
}

function timeZoneOf(v: string): string {
  if (isTimeZone(v.trim())) return v.trim()
  throw new ChartclerkError(
    'USAGE',
    `"${v}" is not a time zone this system knows. Give an IANA name such as America/New_York, America/Chicago, Europe/London or UTC.`,
  )
}

function mrnOf(format: string, examples: readonly string[]): MrnFormat {
  const f = mrnPatternFrom(format)
  const misfits = testMrns(f.pattern, examples).filter((t) => !t.fits)
  if (misfits.length) {
    throw new ChartclerkError(
      'USAGE',
      `Your MRN ${misfits.map((m) => m.value).join(', ')} does not fit the format ${f.pattern}. Fix the format (--mrn-format) or the example (--mrn-example).`,
    )
  }
  return { pattern: f.pattern, examples: [...new Set([...examples, ...f.examples])] }
}

/** Asks for what the flags left out (only at a terminal). */
async function ask(o: InitOptions, have: Partial<Record<'mrn' | 'dateOrder' | 'timeZone' | 'inbox' | 'data', string>>): Promise<void> {
  const { input, select } = await import('@inquirer/prompts')
  const attempt = (fn: () => unknown) => {
    try {
      fn()
      return true
    } catch (err) {
      return err instanceof ChartclerkError ? err.action : String(err)
    }
  }
  if (!have.mrn) {
    have.mrn = await input({
      message: 'Your MRN format: a picture (# a digit, @ a letter), e.g. CC-######, or a regular expression',
      validate: (v) => attempt(() => mrnOf(v, o.mrnExample ?? [])),
    })
    const f = mrnPatternFrom(have.mrn)
    if (!f.examples.length) {
      const ex = await input({
        message: 'One of your MRNs, to test the expression against',
        validate: (v) => attempt(() => mrnOf(have.mrn!, [v])),
      })
      o.mrnExample = [...(o.mrnExample ?? []), ex]
    }
  }
  if (!have.dateOrder) {
    have.dateOrder = await select({
      message: 'How do outside records write dates? 03/04/2025 is',
      choices: [
        { name: 'March 4, 2025 (MDY, as in the US)', value: 'MDY' },
        { name: '3 April 2025 (DMY)', value: 'DMY' },
      ],
    })
  }
  if (!have.timeZone) {
    have.timeZone = await input({
      message: "The clinic's time zone (IANA name)",
      default: systemTimeZone(),
      validate: (v) => attempt(() => timeZoneOf(v)),
    })
  }
  if (!have.inbox) have.inbox = await input({ message: 'The inbox folder scans are dropped into', default: './inbox' })
  if (!have.data)
    have.data = await input({ message: 'The data folder (catalog, and the originals with filesystem storage)', default: './data' })
}

export function registerInitCommands(program: Command): void {
  program
    .command('init')
    .description(
      'Set up a records desk: MRN format, date order, time zone, inbox, storage; writes chartclerk.config.json and creates the first administrator',
    )
    .option(
      '--mrn-format <format>',
      'your MRN format: a picture such as CC-###### (# a digit, @ a letter) or a regular expression such as ^CC-\\d{6}$',
    )
    .option('--mrn-example <mrn...>', 'one or more of your MRNs, tested against the format')
    .option('--date-order <order>', 'how numeric dates on outside records are read: MDY or DMY')
    .option('--time-zone <zone>', "the clinic's IANA time zone, e.g. America/New_York (default: this machine's)")
    .option('--storage <backend>', 'filesystem (default) or s3')
    .option('--s3-endpoint <host>', 'with --storage s3: the S3 server')
    .option('--s3-bucket <name>', 'with --storage s3: the bucket')
    .option('--s3-region <region>', 'with --storage s3: the region')
    .option('--clinic-name <name>', "the clinic's name, printed on records requests")
    .option('--admin <username>', 'the first administrator account', 'admin')
    .option('--force', 'replace an existing configuration file')
    .option('--no-input', 'never ask; fail on what is missing (the default when not at a terminal)')
    .addHelpText(
      'after',
      '\nThe inbox and data folders are the global --inbox and --data options (default ./inbox and ./data).\nExample:\n  chartclerk init --mrn-format "CC-######" --date-order MDY --time-zone America/New_York',
    )
    .action(async (o: InitOptions, cmd: Command) => {
      const g = globalOptions(cmd)
      const file = path.resolve(g.config ?? 'chartclerk.config.json')
      if (existsSync(file) && !o.force) {
        throw new ChartclerkError('USAGE', `${file} exists already. Edit it, or run init again with --force to replace it.`)
      }
      const have: Partial<Record<'mrn' | 'dateOrder' | 'timeZone' | 'inbox' | 'data', string>> = {
        mrn: o.mrnFormat,
        dateOrder: o.dateOrder,
        timeZone: o.timeZone,
        inbox: g.inbox,
        data: g.data,
      }
      const interactive = o.input && !!process.stdin.isTTY && !!process.stdout.isTTY && !g.json
      if (interactive) await ask(o, have)
      if (!have.mrn) {
        throw new ChartclerkError(
          'USAGE',
          'Give your MRN format with --mrn-format, e.g. --mrn-format "CC-######" (# a digit, @ a letter) or a regular expression. It decides which numbers on outside records are taken for your MRNs.',
        )
      }
      const mrn = mrnOf(have.mrn, o.mrnExample ?? [])
      const storageKind = (o.storage ?? 'filesystem').toLowerCase()
      let storage: SetupAnswers['storage']
      if (storageKind === 'filesystem') storage = { backend: 'filesystem' }
      else if (storageKind === 's3') {
        if (!o.s3Endpoint || !o.s3Bucket)
          throw new ChartclerkError(
            'USAGE',
            'With --storage s3, give --s3-endpoint and --s3-bucket (the keys come from CHARTCLERK_S3_ACCESS_KEY and CHARTCLERK_S3_SECRET_KEY).',
          )
        storage = { backend: 's3', endpoint: o.s3Endpoint, bucket: o.s3Bucket, region: o.s3Region }
      } else throw new ChartclerkError('USAGE', `--storage is filesystem or s3; "${o.storage}" is neither.`)
      const answers: SetupAnswers = {
        mrnPattern: mrn.pattern,
        dateOrder: dateOrderOf(have.dateOrder ?? 'MDY'),
        timeZone: timeZoneOf(have.timeZone ?? systemTimeZone()),
        // Written as given (relative to the configuration file's folder), so the folder can move.
        inbox: have.inbox ?? './inbox',
        dataDir: have.data ?? './data',
        storage,
        clinicName: o.clinicName,
      }
      const text = renderConfig(answers)
      mkdirSync(path.dirname(file), { recursive: true })
      writeFileSync(file, text)
      // Read back through the one loader: what was written is what `start` will use.
      const config = loadConfig({ configPath: file, cwd: path.dirname(file) })
      mkdirSync(config.watch.inbox, { recursive: true })

      const catalog = await openDeskCatalog(config.catalog)
      let admin: { username: string; password: string | null } | null = null
      try {
        const sql = await openSqlCatalog(config.catalog, catalog.db)
        try {
          const users = new UsersRepo(sql.db)
          if ((await users.count()) === 0) {
            const { user, password } = await users.add({
              username: o.admin,
              roles: ['admin'],
              displayName: 'Administrator',
              mustChangePassword: true,
            })
            await new AuditLog(sql).append({
              actor: cliActor(),
              action: 'user.add',
              targetKind: 'user',
              targetId: user.username,
              detail: { roles: user.roles, by: 'init' },
              source: cliSource(),
            })
            admin = { username: user.username, password }
          }
        } finally {
          await sql.close()
        }
      } finally {
        catalog.close()
      }

      const tested = testMrns(mrn.pattern, [...mrn.examples, ...OUTSIDE_NUMBERS])
      if (g.json) {
        printJson({
          config: file,
          mrnPattern: mrn.pattern,
          mrnExamples: tested,
          dateOrder: answers.dateOrder,
          timeZone: answers.timeZone,
          inbox: config.watch.inbox,
          dataDir: config.dataDir,
          storage: answers.storage.backend,
          admin: admin ? { username: admin.username, oneTimePassword: admin.password } : null,
        })
        return
      }
      const fits = tested.filter((t) => t.fits).map((t) => t.value)
      const misses = tested.filter((t) => !t.fits).map((t) => t.value)
      const now = new Intl.DateTimeFormat('en-GB', { timeZone: answers.timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date(),
      )
      printLine(`Wrote ${file}`)
      printLine(`  MRN format   ${mrn.pattern}`)
      if (fits.length) printLine(`               taken as ours:  ${fits.join(', ')}`)
      printLine(
        `               not ours:       ${misses.join(', ')}${misses.some((m) => OUTSIDE_NUMBERS.includes(m)) ? ' (numbers other clinics print)' : ''}`,
      )
      if (OUTSIDE_NUMBERS.some((n) => fits.includes(n)))
        printLine('               Careful: numbers other clinics print fit this format and would be looked up as yours.')
      printLine(
        `  dates        ${answers.dateOrder}: 03/04/2025 is read as ${answers.dateOrder === 'MDY' ? 'March 4, 2025' : '3 April 2025'}`,
      )
      printLine(`  time zone    ${answers.timeZone} (now ${now} there)`)
      printLine(`  inbox        ${config.watch.inbox}`)
      printLine(
        `  storage      ${answers.storage.backend === 'filesystem' ? `filesystem, in ${config.storage.filesystem.dir}` : `s3, bucket ${config.storage.s3?.bucket ?? ''}`}; catalog ${config.catalog.path}`,
      )
      if (admin) {
        printLine(`Administrator account: ${admin.username}`)
        printLine(`  one-time password: ${admin.password}`)
        printLine("  (shown once; they choose their own at first sign-in, then add the desk's accounts on the Users page)")
      } else printLine('Accounts exist already in this data folder; none was added.')
      printLine('Next:')
      printLine('  npx chartclerk patients import FILE   the patient index (CSV or FHIR); try samples/patients.csv')
      printLine(
        `  npx chartclerk start                  watch the inbox and serve the desk at http://${config.web.host}:${config.web.port}`,
      )
    })
}
