/**
 * The chartclerk command line. Exit codes (declared with each error code in errors.ts):
 * 0 ok, 1 findings or failures to act on, 2 bad usage or configuration, 3 refused by the
 * desk's rules, 4 conflict with the record's current state.
 */
import { Command, CommanderError } from 'commander'
import { cliAction, errorStatus, toChartclerkError } from '../errors.js'
import { configFrom } from './context.js'
import { terminalSafe } from './output.js'
import { packageVersion } from './version.js'

type Registrar = (program: Command) => Promise<unknown>

const rules: Registrar = async (program) => {
  const [{ registerRulesCommands }, { rulesDirOf }] = await Promise.all([import('./commands/rules.js'), import('../app.js')])
  registerRulesCommands(program, { defaultRulesDir: (cmd) => rulesDirOf(configFrom(cmd)) })
}
const model: Registrar = async (program) => {
  const { registerModelCommands } = await import('./commands/model.js')
  registerModelCommands(program, {
    // Every document a person confirmed or corrected in review is a training example.
    extraExamples: async (cmd) => {
      const { openDeskCatalog } = await import('../catalog/db.js')
      const catalog = await openDeskCatalog(configFrom(cmd).catalog)
      try {
        return await catalog.settlements.trainingExamples()
      } finally {
        catalog.close()
      }
    },
  })
}
const ingest: Registrar = async (p) => (await import('./commands/ingest.js')).registerIngestCommands(p)
const status: Registrar = async (p) => (await import('./commands/status.js')).registerStatusCommands(p)
const check: Registrar = async (p) => (await import('./commands/check.js')).registerCheckCommands(p)
const prep: Registrar = async (p) => (await import('./commands/prep.js')).registerPrepCommands(p)
const retention: Registrar = async (p) => (await import('./commands/retention.js')).registerRetentionCommands(p)

/**
 * Every top-level command, by name, with what registers it (in the order `--help` lists them).
 * A command line loads only the module of the command it names: `--version` loads none, `status`
 * not the ingest pipeline. With no command, `help` or a name not here, every one is registered
 * (for the full help and commander's suggestions).
 */
export const COMMANDS: Record<string, Registrar> = {
  init: async (p) => (await import('./commands/init.js')).registerInitCommands(p),
  ingest,
  start: ingest,
  worker: ingest,
  status,
  document: status,
  storage: async (p) => (await import('./commands/storage.js')).registerStorageCommands(p),
  catalog: async (p) => (await import('./commands/catalog.js')).registerCatalogCommands(p),
  patients: async (p) => (await import('./commands/patients.js')).registerPatientsCommands(p),
  review: async (p) => (await import('./commands/review.js')).registerReviewCommands(p),
  chart: async (p) => (await import('./commands/chart.js')).registerChartCommands(p),
  rules,
  check,
  deficiency: check,
  report: async (p) => (await import('./commands/report.js')).registerReportCommands(p),
  notices: async (p) => (await import('./commands/notices.js')).registerNoticesCommands(p),
  stats: async (p) => (await import('./commands/stats.js')).registerStatsCommands(p),
  release: async (p) => (await import('./commands/release.js')).registerReleaseCommands(p),
  hold: retention,
  purge: retention,
  route: async (p) => (await import('./commands/route.js')).registerRouteCommands(p),
  inactive: async (p) => (await import('./commands/inactive.js')).registerInactiveCommands(p),
  schedule: prep,
  prep,
  separator: async (p) => (await import('./commands/separator.js')).registerSeparatorCommands(p),
  serve: async (p) => (await import('./commands/serve.js')).registerServeCommands(p),
  user: async (p) => (await import('./commands/user.js')).registerUserCommands(p),
  audit: async (p) => (await import('./commands/audit.js')).registerAuditCommands(p),
  model,
}

/** Global options that take a value (the word after them is not the command). */
const VALUE_OPTIONS = new Set(['-c', '--config', '-d', '--data', '--inbox'])

/**
 * What a command line asks for: the top-level command it names, `version` for `--version`
 * alone, or null (no command, `help`, an unknown name: everything is registered).
 */
export function commandAsked(argv: string[]): string | null {
  const args = argv.slice(2)
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a === '--') return null
    if (VALUE_OPTIONS.has(a)) {
      i++
      continue
    }
    if (a.startsWith('-')) continue
    return Object.hasOwn(COMMANDS, a) ? a : null
  }
  return args.some((a) => a === '-V' || a === '--version') && !args.some((a) => a === '-h' || a === '--help') ? 'version' : null
}

/** The program with the commands `argv` needs registered (all of them without `argv`). */
export async function buildProgram(argv?: string[]): Promise<Command> {
  const program = new Command()
  program
    .name('chartclerk')
    .description("Files scanned outside records into patient charts, and checks charts against the records lead's rules.")
    .option('-c, --config <file>', 'configuration file (default: ./chartclerk.config.json if present)')
    .option('-d, --data <dir>', 'data folder: catalog and embedded object store (default ./data)')
    .option('--inbox <dir>', 'inbox folder to watch (default ./inbox)')
    .option('--json', 'print results as JSON, one object per line')
    .version(packageVersion(), '-V, --version', 'print the version of chartclerk')
    .showHelpAfterError()
    .exitOverride()
  const asked = argv ? commandAsked(argv) : null
  if (asked === 'version') return program
  const registrars = asked ? [COMMANDS[asked]!] : [...new Set(Object.values(COMMANDS))]
  for (const register of registrars) await register(program)
  return program
}

export async function main(argv: string[]): Promise<number> {
  const program = await buildProgram(argv)
  try {
    await program.parseAsync(argv)
    return typeof process.exitCode === 'number' ? process.exitCode : 0
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0) return 0
      return 2
    }
    const e = toChartclerkError(err)
    const json = argv.includes('--json')
    if (json) process.stdout.write(JSON.stringify({ error: { code: e.code, message: cliAction(e) } }) + '\n')
    else process.stderr.write(terminalSafe(`chartclerk: ${cliAction(e)}${e.code === 'INTERNAL' ? `\n  (${e.message})` : ''}`) + '\n')
    return errorStatus(e).exit
  }
}
