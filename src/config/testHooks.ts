/**
 * Test hooks: what only the test suite sets, kept out of the product configuration but read
 * here, in src/config, like every setting. Nothing a clinic configures is a test hook.
 */
import { ChartclerkError } from '../errors.js'

export interface TestHooks {
  /** CHARTCLERK_TEST_NOW: the clinic's clock stands still at this instant (an ISO time), for command-line tests of dates. */
  frozenNow?: string
}

/** The test hooks in the environment; an unreadable one is refused. */
export function readTestHooks(env: NodeJS.ProcessEnv = process.env): TestHooks {
  const frozenNow = env.CHARTCLERK_TEST_NOW
  if (!frozenNow) return {}
  if (Number.isNaN(Date.parse(frozenNow))) {
    throw new ChartclerkError(
      'CONFIG_INVALID',
      `CHARTCLERK_TEST_NOW (test only) must be an ISO time such as 2026-03-05T23:30:00-05:00; it is "${frozenNow}".`,
      {
        detail: 'CHARTCLERK_TEST_NOW',
      },
    )
  }
  return { frozenNow }
}
