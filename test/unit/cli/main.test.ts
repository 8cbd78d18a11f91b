/** The command line loads only the command it names: the table of commands, and what a command line asks for. */
import { describe, expect, it } from 'vitest'
import { buildProgram, commandAsked, COMMANDS } from '../../../src/cli/main.js'

const argv = (...a: string[]) => ['node', 'chartclerk', ...a]

describe('commandAsked', () => {
  it('finds the command after the global options and their values', () => {
    expect(commandAsked(argv('--data', 'ingest', '--json', 'ingest', 'a.png'))).toBe('ingest')
    expect(commandAsked(argv('-c', 'x.json', '-d', 'data', 'status'))).toBe('status')
    expect(commandAsked(argv('--inbox', 'in', 'start'))).toBe('start')
  })

  it('asks for the version alone, for everything with no command, help or an unknown name', () => {
    expect(commandAsked(argv('--version'))).toBe('version')
    expect(commandAsked(argv('-d', 'data', '-V'))).toBe('version')
    expect(commandAsked(argv())).toBeNull()
    expect(commandAsked(argv('--help'))).toBeNull()
    expect(commandAsked(argv('help', 'ingest'))).toBeNull()
    expect(commandAsked(argv('ingst'))).toBeNull()
  })
})

describe('buildProgram', () => {
  it('has every top-level command in its table, each registered by the module the table names', async () => {
    const all = await buildProgram()
    const names = all.commands.map((c) => c.name())
    expect(new Set(names)).toEqual(new Set(Object.keys(COMMANDS)))
    for (const name of names) {
      const one = await buildProgram(argv(name))
      expect(one.commands.map((c) => c.name())).toContain(name)
      expect(one.commands.length).toBeLessThan(names.length)
    }
  })

  it('registers no command for --version, and only status for status', async () => {
    expect((await buildProgram(argv('--version'))).commands).toEqual([])
    expect((await buildProgram(argv('--json', 'status'))).commands.map((c) => c.name()).sort()).toEqual(['document', 'status'])
  })
})
