/**
 * The chartclerk command line. Exit codes (declared with each error code in errors.ts):
 * 0 ok, 1 findings or failures to act on, 2 bad usage or configuration, 3 refused by the
 * desk's rules, 4 conflict with the record's current state.
 */
import { Command, CommanderError } from 'commander'
import { cliAction, errorStatus, toChartclerkError } from '../errors.js'
import { rulesDirOf } from '../app.js'
import { openDeskCatalog } from '../catalog/db.js'
import { registerChartCommands } from './commands/chart.js'
import { registerCheckCommands } from './commands/check.js'
import { registerModelCommands } from './commands/model.js'
import { registerPatientsCommands } from './commands/patients.js'
import { registerReviewCommands } from './commands/review.js'
import { configFrom } from './context.js'
import { terminalSafe } from './output.js'
import { registerIngestCommands } from './commands/ingest.js'
import { registerRulesCommands } from './commands/rules.js'
import { registerStatusCommands } from './commands/status.js'
import { registerStorageCommands } from './commands/storage.js'
import { registerReportCommands } from './commands/report.js'
import { registerNoticesCommands } from './commands/notices.js'
import { registerStatsCommands } from './commands/stats.js'
import { registerServeCommands } from './commands/serve.js'
import { registerUserCommands } from './commands/user.js'
import { registerAuditCommands } from './commands/audit.js'
import { registerReleaseCommands } from './commands/release.js'
import { registerRetentionCommands } from './commands/retention.js'
import { registerRouteCommands } from './commands/route.js'
import { registerInactiveCommands } from './commands/inactive.js'
import { registerPrepCommands } from './commands/prep.js'
import { registerInitCommands } from './commands/init.js'
import { registerSeparatorCommands } from './commands/separator.js'
import { registerCatalogCommands } from './commands/catalog.js'
import { packageVersion } from './version.js'

export function buildProgram(): Command {
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
  registerInitCommands(program)
  registerIngestCommands(program)
  registerStatusCommands(program)
  registerStorageCommands(program)
  registerCatalogCommands(program)
  registerPatientsCommands(program)
  registerReviewCommands(program)
  registerChartCommands(program)
  registerRulesCommands(program, { defaultRulesDir: (cmd) => rulesDirOf(configFrom(cmd)) })
  registerCheckCommands(program)
  registerReportCommands(program)
  registerNoticesCommands(program)
  registerStatsCommands(program)
  registerReleaseCommands(program)
  registerRetentionCommands(program)
  registerRouteCommands(program)
  registerInactiveCommands(program)
  registerPrepCommands(program)
  registerSeparatorCommands(program)
  registerServeCommands(program)
  registerUserCommands(program)
  registerAuditCommands(program)
  registerModelCommands(program, {
    // Every document a person confirmed or corrected in review is a training example.
    extraExamples: async (cmd) => {
      const catalog = await openDeskCatalog(configFrom(cmd).catalog)
      try {
        return await catalog.settlements.trainingExamples()
      } finally {
        catalog.close()
      }
    },
  })
  return program
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram()
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
