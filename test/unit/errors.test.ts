/**
 * The one table of error codes: every code has an HTTP status for the desk and an exit code
 * for the command line, the README's list of exit codes matches it, and the command-line hint
 * stays off the desk's wording.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { actionableError, ChartclerkError, cliAction, ERROR_CODES, ERROR_TABLE, errorStatus } from '../../src/errors.js'
import { ROOT } from '../helpers/workspace.js'

describe('the error table', () => {
  it.each(ERROR_CODES)('%s has an error HTTP status and an exit code from 1 to 4', (code) => {
    const { http, exit } = ERROR_TABLE[code]
    expect(http).toBeGreaterThanOrEqual(400)
    expect(http).toBeLessThan(600)
    expect([1, 2, 3, 4]).toContain(exit)
    expect(errorStatus(new ChartclerkError(code, 'what to do'))).toEqual({ code, http, exit })
  })

  it('refusals, conflicts, missing records and bad usage each have their own status and exit code', () => {
    expect(ERROR_TABLE.USAGE).toEqual({ http: 400, exit: 2 })
    expect(ERROR_TABLE.REFUSED).toEqual({ http: 422, exit: 3 })
    expect(ERROR_TABLE.CONFLICT).toEqual({ http: 409, exit: 4 })
    expect(ERROR_TABLE.NOT_FOUND).toEqual({ http: 404, exit: 1 })
    expect(ERROR_TABLE.INTERNAL).toEqual({ http: 500, exit: 1 })
  })

  it('anything else thrown is INTERNAL (500, exit 1) and not shown to the person as actionable', () => {
    expect(errorStatus(new Error('boom'))).toEqual({ code: 'INTERNAL', http: 500, exit: 1 })
    expect(actionableError(new Error('boom'))).toBeUndefined()
    expect(actionableError(new ChartclerkError('STORAGE_UNAVAILABLE', 'storage down'))).toBeUndefined()
    const refused = new ChartclerkError('REFUSED', 'Release ROI-000001 is refused: no authorization.')
    expect(actionableError(refused)).toEqual({ error: refused, http: 422 })
  })

  it('every exit code the table uses is explained in the README, and no other', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
    const line = /Exit codes: ([^\n]+(?:\n[^\n|]+)*)/.exec(readme)?.[1] ?? ''
    const listed = [...line.matchAll(/\b(\d) [a-z]/g)].map((m) => Number(m[1])).filter((n) => n > 0)
    const used = [...new Set(ERROR_CODES.map((c) => ERROR_TABLE[c].exit))].sort()
    expect(listed.sort()).toEqual(used)
  })

  it('the command-line hint is added on the command line only, and survives atStage', () => {
    const e = new ChartclerkError('USAGE', 'Say who sent it.', { cliHint: 'Give --by NAME.' })
    expect(e.action).toBe('Say who sent it.')
    expect(cliAction(e)).toBe('Say who sent it. Give --by NAME.')
    expect(cliAction(e.atStage('release')).endsWith('Give --by NAME.')).toBe(true)
    expect(cliAction(new ChartclerkError('NOT_FOUND', 'There is no document 4.'))).toBe('There is no document 4.')
  })
})
