import { describe, expect, it } from 'vitest'
import { mrnPatternFrom, OUTSIDE_NUMBERS, testMrns } from '../../../src/setup/mrnFormat.js'
import { renderConfig } from '../../../src/setup/configFile.js'
import { parseConfigText } from '../../../src/config/config.js'
import { ChartclerkError } from '../../../src/errors.js'

/** What the person is told (ChartclerkError.action). */
function actionOf(fn: () => unknown): string {
  try {
    fn()
  } catch (err) {
    if (err instanceof ChartclerkError) return err.action
    throw err
  }
  throw new Error('did not throw')
}

describe('the MRN format given to init', () => {
  it('a picture becomes an anchored expression, with examples that fit it', () => {
    const f = mrnPatternFrom('CC-######')
    expect(f.pattern).toBe('^CC-\\d{6}$')
    expect(f.examples).toEqual(['CC-100418', 'CC-204729', 'CC-381156'])
    expect(testMrns(f.pattern, f.examples).every((t) => t.fits)).toBe(true)
    expect(testMrns(f.pattern, OUTSIDE_NUMBERS).some((t) => t.fits)).toBe(false)
    expect(mrnPatternFrom('@@####').pattern).toBe('^[A-Z]{2}\\d{4}$')
    expect(mrnPatternFrom('M.#').pattern).toBe('^M\\.\\d$')
  })

  it('a regular expression is anchored and checked; one that is broken or takes nothing is refused with what to give', () => {
    expect(mrnPatternFrom('\\d{6,10}')).toEqual({ pattern: '^\\d{6,10}$', examples: [] })
    expect(mrnPatternFrom('^CC-\\d{6}$').pattern).toBe('^CC-\\d{6}$')
    expect(actionOf(() => mrnPatternFrom('CC-(\\d{6}'))).toMatch(/not a valid regular expression/)
    expect(actionOf(() => mrnPatternFrom('\\d*'))).toMatch(/accepts an empty value/)
    expect(actionOf(() => mrnPatternFrom('  '))).toMatch(/Give the MRN format/)
  })

  it('the commented configuration init writes is read by the loader as written', () => {
    const text = renderConfig({
      mrnPattern: '^CC-\\d{6}$',
      dateOrder: 'DMY',
      timeZone: 'Europe/London',
      inbox: './scans',
      dataDir: './records',
      storage: { backend: 'filesystem' },
      clinicName: 'Cedar "Commons"',
    })
    expect(text).toMatch(/^\/\/ /)
    expect(parseConfigText(text, 'chartclerk.config.json')).toEqual({
      watch: { inbox: './scans' },
      dataDir: './records',
      storage: { backend: 'filesystem' },
      patients: { mrnPattern: '^CC-\\d{6}$', dateOrder: 'DMY' },
      clinic: { name: 'Cedar "Commons"', timeZone: 'Europe/London' },
    })
    expect(actionOf(() => parseConfigText('{\n  "dataDir": "./d",,\n}', 'x.json'))).toMatch(
      /not valid JSON \(PropertyNameExpected at line 2, column 20\)/,
    )
  })
})
