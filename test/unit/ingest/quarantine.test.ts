import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { quarantineTarget, safeName } from '../../../src/ingest/quarantine.js'

describe('quarantine names', () => {
  it('keeps names legible: no control characters, newlines or path separators, no leading dots', () => {
    expect(safeName('lab\nreport.pdf')).toBe('lab report.pdf')
    expect(safeName('../../etc/passwd')).toBe('etc passwd')
    expect(safeName('..hidden.pdf')).toBe('hidden.pdf')
    expect(safeName('résumé médical.pdf')).toBe('résumé médical.pdf')
    expect(safeName('\u0000')).toBe('unnamed')
  })

  it('never overwrites an earlier quarantined file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cc-q-'))
    const first = quarantineTarget(dir, 'scan.pdf')
    expect(first).toBe(path.join(dir, 'scan.pdf'))
    writeFileSync(first, 'x')
    expect(quarantineTarget(dir, 'scan.pdf')).toBe(path.join(dir, 'scan (2).pdf'))
    rmSync(dir, { recursive: true, force: true })
  })
})
