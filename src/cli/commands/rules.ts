/**
 * `chartclerk rules check [DIR]` and `chartclerk rules list [DIR]`.
 *
 * `rules check` loads every rule file exactly as the running service would (schema, compile,
 * examples) and prints each problem as `file:line:col /pointer: message`; exit 1 when anything is
 * wrong. DIR is the rules folder (holding checks/ and doctypes/) or a checks folder itself;
 * default: the configured rulesDir. When DIR holds doctypes/, the document-type files are
 * checked too, so one command proves every file the records lead edits.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Command } from 'commander'
import { checkDocTypes, formatProblem as formatDocTypeProblem } from '../../classify/doctypes.js'
import { checkRuleSet, formatProblem, resolveChecksDir } from '../../rules/ruleset.js'
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
    .description('Validate every rule file, compile it and run its examples; print file:line:col /pointer: message for each problem')
    .argument('[dir]', 'rules folder (with checks/ and doctypes/) or a folder of rule files')
    .option('--json', 'one JSON object per line')
    .option('--messages', "also print each failing example's message, to proof-read them")
    .action((dirArg: string | undefined, o: CheckOpts, cmd: Command) => {
      const root = rulesDir(dirArg, cmd)
      const checksDir = resolveChecksDir(root)
      const asJson = json(cmd, o)
      const r = checkRuleSet(checksDir)
      let problems = r.problems.length
      for (const p of r.problems) out(asJson ? JSON.stringify({ type: 'problem', ...p, text: formatProblem(p) }) : formatProblem(p))
      if (o.messages) {
        for (const m of r.exampleMessages)
          out(asJson ? JSON.stringify({ type: 'example', ...m }) : `${m.file} ${m.pointer}: ${m.message}`)
      }
      const rel = (d: string): string => path.relative(process.cwd(), d) || '.'
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
      const doctypesDir = path.join(root, 'doctypes')
      if (checksDir !== root && existsSync(doctypesDir)) {
        const d = checkDocTypes(doctypesDir)
        problems += d.problems.length
        for (const p of d.problems) out(asJson ? JSON.stringify({ type: 'problem', ...p, text: formatDocTypeProblem(p) }) : formatDocTypeProblem(p))
        summary.doctypes = { dir: rel(doctypesDir), ok: d.problems.length === 0, types: d.set.types.length, problems: d.problems.length }
        if (!asJson)
          out(
            d.problems.length === 0
              ? `${rel(doctypesDir)}: ${d.set.types.length} document types loaded.`
              : `${rel(doctypesDir)}: ${d.problems.length} problem${d.problems.length === 1 ? '' : 's'}.`,
          )
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
