/**
 * Debian's Chromium for the browser tests, started the way this machine's closed network needs:
 * without background networking, component updates or sync, Chromium's connections are
 * refused many at a time and it tries to look up Google's hosts at every start.
 */
import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'
import { CI } from './testEnv.js'

export const CHROMIUM = '/usr/bin/chromium'

/** Is Chromium here? Under CI=true it must be: a browser test that cannot run fails, never skips. */
export function chromiumPresent(): boolean {
  const present = existsSync(CHROMIUM)
  if (CI && !present) throw new Error(`CI=true: the browser tests need ${CHROMIUM} (scripts/install-test-deps.sh installs it)`)
  return present
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}
