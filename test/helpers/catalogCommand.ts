/**
 * Runs `chartclerk catalog ...` in this process with the same global options as src/cli/main.ts,
 * capturing what it prints: its exit code, its output, and its last JSON line with `--json`.
 */
import { Command } from 'commander'
import { vi } from 'vitest'
import { registerCatalogCommands } from '../../src/cli/commands/catalog.js'

export async function runCatalogCommand(args: string[]): Promise<{ code: number; out: string; json: any }> {
  const p = new Command()
    .name('chartclerk')
    .option('-c, --config <file>')
    .option('-d, --data <dir>')
    .option('--inbox <dir>')
    .option('--json')
    .exitOverride()
  registerCatalogCommands(p)
  let out = ''
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk)
    return true
  })
  process.exitCode = 0
  try {
    await p.parseAsync(['node', 'chartclerk', ...args])
  } finally {
    spy.mockRestore()
  }
  const code = Number(process.exitCode ?? 0)
  process.exitCode = 0
  return { code, out, json: args.includes('--json') && out.trim() ? JSON.parse(out.trim().split('\n').pop()!) : null }
}
