/**
 * The trainer and its synthetic-document generator (~1,400 lines) load only when `model train`
 * runs: nothing the command line or the desk imports at start reaches src/classify/training/.
 * Walks the static imports (not `import type`, not `await import(...)`) from the CLI entry point.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../src')

/** Files reachable from `entry` through static value imports and re-exports. */
function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>()
  const stack = [entry]
  while (stack.length) {
    const file = stack.pop()!
    if (seen.has(file)) continue
    seen.add(file)
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest)
    const specs: string[] = []
    for (const st of source.statements) {
      if (ts.isImportDeclaration(st) && !st.importClause?.isTypeOnly && ts.isStringLiteral(st.moduleSpecifier))
        specs.push(st.moduleSpecifier.text)
      if (ts.isExportDeclaration(st) && !st.isTypeOnly && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier))
        specs.push(st.moduleSpecifier.text)
    }
    for (const spec of specs.filter((s) => s.startsWith('.'))) {
      const base = path.resolve(path.dirname(file), spec.replace(/\.js$/, ''))
      const next = [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((f) => existsSync(f))
      if (next) stack.push(next)
    }
  }
  return seen
}

describe('the training-data generator stays out of start', () => {
  it('WHEN the command line starts THEN no file under src/classify/training is loaded', () => {
    // The command line loads each command's module when that command is named (src/cli/main.ts):
    // walk from the entry point, the app and every command module, as any command line may load them.
    const commands = readdirSync(path.join(SRC, 'cli/commands'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => path.join(SRC, 'cli/commands', f))
    const graph = new Set([path.join(SRC, 'cli/run.ts'), path.join(SRC, 'app.ts'), ...commands].flatMap((f) => [...staticGraph(f)]))
    // The walk does reach the app, the desk and the model command itself.
    expect(graph.has(path.join(SRC, 'ingest/runner.ts'))).toBe(true)
    expect(graph.has(path.join(SRC, 'app.ts'))).toBe(true)
    expect(graph.has(path.join(SRC, 'cli/commands/model.ts'))).toBe(true)
    const training = [...graph].filter((f) => f.startsWith(path.join(SRC, 'classify/training')))
    expect(training).toEqual([])
  })

  it('WHEN `model train` runs THEN its dynamic import names the trainer that exists', () => {
    const text = readFileSync(path.join(SRC, 'cli/commands/model.ts'), 'utf8')
    const m = /await import\('([^']+)'\)/.exec(text)
    expect(m).not.toBeNull()
    expect(existsSync(path.resolve(SRC, 'cli/commands', m![1]!.replace(/\.js$/, '.ts')))).toBe(true)
  })
})
