/**
 * `chartclerk rules check [DIR]` and `chartclerk rules list [DIR]`.
 *
 * `rules check` loads every file the records lead edits exactly as the running service would,
 * through the one rule-file loader: check rules (schema, compile, examples), document types,
 * routing rules, protected categories and the retention schedule. Each problem is printed as
 * `file:line:col /pointer: message`, then one line per kind; exit 1 when anything is wrong.
 * DIR is the rules folder (holding checks/, doctypes/, routing/, protected.json, retention.json)
 * or a checks folder itself (then only the check rules); default: the configured rulesDir.
 */
import path from 'node:path'
import type { Command } from 'commander'
import { RULE_FILE_KINDS } from '../../rules/inForce.js'
import { formatProblem, relName, type KindLoad, type RuleFileKind } from '../../rules/ruleFiles.js'
import { checkRuleSet, resolveChecksDir } from '../../rules/ruleset.js'
import { configFrom, globalOptions } from '../context.js'

export interface RulesCommandDeps {
  /** Where output lines go (default stdout). */
  out?: (line: string) => void
  /** The rules folder when DIR is not given (default: the configured rulesDir). */
  defaultRulesDir?: (cmd: Command) => string
  /** Records the exit code (default: process.exitCode). */
  setExitCode?: (code: number) => void
}

interface CheckOpts {
  json?: boolean
  messages?: boolean
}

function appliesText(a: 'chart' | 'all_documents' | string[]): string {
  return Array.isArray(a) ? a.join(', ') : a
}

export function registerRulesCommands(program: Command, deps: RulesCommandDeps = {}): void {
  const out = deps.out ?? ((line: string) => void process.stdout.write(`${line}\n`))
  const setExit = deps.setExitCode ?? ((code: number) => void (process.exitCode = code))
  const rulesDir = (dirArg: string | undefined, cmd: Command): string =>
    dirArg ?? (deps.defaultRulesDir ? deps.defaultRulesDir(cmd) : configFrom(cmd).rulesDir)
  const json = (cmd: Command, o: CheckOpts): boolean => !!(o.json || globalOptions(cmd).json)

  const rules = program.command('rules').description("The records lead's rule files")

  rules
    .command('check')
    .description(
      'Validate every file the records lead edits (check rules with their examples, document types, routing, protected categories, retention); print file:line:col /pointer: message for each problem',
    )
    .argument('[dir]', 'rules folder (with checks/ and doctypes/) or a folder of rule files')
    .option('--json', 'one JSON object per line')
    .option('--messages', "also print each failing example's message, to proof-read them")
    .action((dirArg: string | undefined, o: CheckOpts, cmd: Command) => {
      const root = rulesDir(dirArg, cmd)
      const checksDir = resolveChecksDir(root)
      const asJson = json(cmd, o)
      const rel = (d: string): string => relName(path.resolve(d)) || '.'
      const printProblems = (problems: KindLoad<unknown>['problems']): void => {
        for (const p of problems) out(asJson ? JSON.stringify({ type: 'problem', ...p, text: formatProblem(p) }) : formatProblem(p))
      }
      const refusedLine = (where: string, title: string, problems: KindLoad<unknown>['problems']): string =>
        `${where}: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${new Set(problems.map((p) => p.file)).size} file(s); the ${title} did not load (where chartclerk runs, the last good version stays in force).`

      // The check rules first, with their examples.
      const r = checkRuleSet(checksDir)
      let problems = r.problems.length
      printProblems(r.problems)
      if (o.messages) {
        for (const m of r.exampleMessages) out(asJson ? JSON.stringify({ type: 'example', ...m }) : `${m.file} ${m.pointer}: ${m.message}`)
      }
      const summary: Record<string, unknown> = {
        type: 'summary',
        dir: rel(checksDir),
        ok: r.ruleset !== null,
        version: r.ruleset?.version ?? null,
        rules: r.ruleset?.rules.length ?? 0,
        files: r.files.length,
        problems: r.problems.length,
      }
      if (!asJson) {
        out(
          r.ruleset
            ? `${rel(checksDir)}: ${r.ruleset.rules.length} rules loaded (version ${r.ruleset.version}); every example behaves.`
            : `${rel(checksDir)}: ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'} in ${new Set(r.problems.map((p) => p.file)).size} file(s); the rule set was not loaded (where chartclerk runs, the last good set stays in force).`,
        )
      }
      // Then every other kind, when DIR is a rules folder (not a folder of check rules).
      if (checksDir !== root) {
        const kinds: Record<string, unknown> = {}
        for (const kind of RULE_FILE_KINDS.slice(1) as readonly RuleFileKind<unknown>[]) {
          const location = kind.locate(root)
          const k = kind.load(location, process.cwd())
          problems += k.problems.length
          printProblems(k.problems)
          kinds[kind.name] = {
            location: rel(location),
            ok: k.value !== null,
            version: k.version,
            problems: k.problems.length,
            ...(k.value !== null ? { loaded: kind.describe(k.value) } : {}),
          }
          const absent = kind.shape === 'file' && k.files.length === 0
          if (!asJson)
            out(
              k.value === null
                ? refusedLine(rel(location), kind.title, k.problems)
                : absent
                  ? `${rel(location)}: no such file (${kind.describe(k.value)}).`
                  : `${rel(location)}: ${kind.describe(k.value)} loaded.`,
            )
        }
        summary.kinds = kinds
      }
      if (asJson) out(JSON.stringify({ ...summary, ok: problems === 0 }))
      setExit(problems === 0 ? 0 : 1)
    })

  rules
    .command('list')
    .description('The rules in force: id, version, severity, kind, what each applies to')
    .argument('[dir]', 'rules folder (with checks/) or a folder of rule files')
    .option('--json', 'one JSON object per line')
    .action((dirArg: string | undefined, o: CheckOpts, cmd: Command) => {
      const checksDir = resolveChecksDir(rulesDir(dirArg, cmd))
      const asJson = json(cmd, o)
      const r = checkRuleSet(checksDir)
      if (!r.ruleset) {
        for (const p of r.problems) out(asJson ? JSON.stringify({ type: 'problem', ...p, text: formatProblem(p) }) : formatProblem(p))
        setExit(1)
        return
      }
      for (const rule of r.ruleset.rules) {
        if (asJson) {
          out(
            JSON.stringify({
              id: rule.id,
              version: rule.version,
              enabled: rule.enabled,
              severity: rule.severity,
              kind: rule.kind,
              appliesTo: rule.appliesTo,
              title: rule.title,
              file: rule.file,
            }),
          )
        } else {
          out(
            `${rule.id.padEnd(5)} v${String(rule.version).padEnd(3)} ${rule.severity.padEnd(7)} ${rule.kind.padEnd(17)} ${rule.enabled ? '' : '(disabled) '}${rule.title}  [${appliesText(rule.appliesTo)}]`,
          )
        }
      }
      if (!asJson) out(`rule set version ${r.ruleset.version}`)
      setExit(0)
    })
}
