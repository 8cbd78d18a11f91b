/**
 * Small holes found by trying to break the desk: a NUL in the search words, a common password,
 * impossible dates on the command line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isCommonPassword, passwordProblem } from '../../../src/auth/passwords.js'
import { dateOption } from '../../../src/cli/dates.js'
import { ChartclerkError } from '../../../src/errors.js'
import { makeDesk, PASSWORD, seedDocument, type Desk } from './helpers.js'

let desk: Desk

beforeAll(async () => {
  desk = await makeDesk()
  await desk.addUser('clerk1', ['clerk'])
  await seedDocument(desk.app, { status: 'filed', mrn: 'CC-101902', docType: 'lab_report', text: 'Made-up lab report: potassium 4.1' })
}, 120_000)

afterAll(async () => {
  await desk?.close()
})

describe('search words with control characters', () => {
  it('a NUL (or other control character) is a handled search, not a 500', async () => {
    const c = await desk.login('clerk1')
    for (const q of ['%00', 'potassium%00', '%00%01%1f', 'pot%00assium', '%7f']) {
      const res = await c.get(`/search?q=${q}`)
      expect(res.status, q).toBe(200)
    }
    // the other places that take typed words
    expect((await c.get('/charts?q=%00')).status).toBe(200)
    expect((await c.get('/patients/lookup?q=%00')).status).toBeLessThan(500)
    const hit = await (await c.get('/search?q=potassium%00')).text()
    expect(hit).toContain('/documents/')
  })
})

describe('common passwords', () => {
  it('password1234 and its kin are refused at the desk; a sentence is not', async () => {
    await desk.addUser('clerk2', ['clerk'])
    const c = await desk.login('clerk2')
    await c.get('/account/password')
    for (const weak of ['password1234', 'Password1234!', 'p@ssw0rd2024!', 'iloveyou1234', 'qwertyuiop123']) {
      const res = await c.post('/account/password', { current: PASSWORD, next: weak, repeat: weak })
      expect(res.status, weak).toBe(400)
      expect(await res.text()).toContain('commonest')
      await c.get('/account/password')
    }
    const good = 'Harbor lights at nine past the ferry'
    expect((await c.post('/account/password', { current: PASSWORD, next: good, repeat: good })).status).toBe(303)
  })

  it('the list holds thousands, and ordinary passphrases pass', () => {
    expect(isCommonPassword('password1234')).toBe(true)
    expect(isCommonPassword('1qaz2wsx3edc')).toBe(true)
    expect(passwordProblem('password1234', 'clerk1')).toMatch(/commonest/)
    expect(passwordProblem('correct horse battery staple', 'clerk1')).toBeNull()
    expect(passwordProblem('mypassphrase2024', 'clerk1')).toBeNull()
  })
})

describe('dates on the command line', () => {
  const usage = (v: string, option: string) => {
    try {
      dateOption(v, option)
    } catch (e) {
      return e as ChartclerkError
    }
    return null
  }
  it('impossible days are bad usage naming the option; real ones pass', () => {
    for (const [v, option] of [
      ['2026-02-30', '--from'],
      ['2026-13-01', '--date'],
      ['2025-02-29', '--as-of'],
      ['2026-04-31', '--to'],
      ['2026-00-10', '--since'],
      ['26-01-01', '--until'],
      ['2026-1-5', '--date'],
    ]) {
      const err = usage(v!, option!)
      expect(err, v).toBeInstanceOf(ChartclerkError)
      expect(err!.code).toBe('USAGE')
      expect(err!.action).toContain(option)
    }
    expect(dateOption('2024-02-29', '--from')).toBe('2024-02-29')
    expect(dateOption('2026-12-31', '--to')).toBe('2026-12-31')
    expect(dateOption(undefined, '--to')).toBeUndefined()
  })
})
