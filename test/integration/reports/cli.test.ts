/**
 * The report, notices and stats commands end to end (in process, through the real command line
 * parser and configuration), over a catalog file filled through the real repositories.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { openCatalog } from '../../../src/catalog/db.js'
import { main } from '../../../src/cli/main.js'
import { MERCY, PAT, fileDocument, fillDesk, htmlProblems } from '../../unit/reports/fixture.js'

let dir: string
let configFile: string

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((stdout += String(c)), true))
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((stderr += String(c)), true))
  process.exitCode = undefined
  try {
    const code = await main(['node', 'chartclerk', '--config', configFile, ...args])
    return { code, stdout, stderr }
  } finally {
    o.mockRestore()
    e.mockRestore()
    process.exitCode = undefined
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'chartclerk-reports-'))
  configFile = path.join(dir, 'chartclerk.config.json')
  writeFileSync(
    configFile,
    JSON.stringify({
      dataDir: './data',
      rulesDir: path.resolve(import.meta.dirname, '../../../rules'),
      log: { level: 'silent' },
      deficiencies: { delinquentAfterDays: 45, recordsRequestDueDays: 10 },
      clinic: { name: 'Riverside Community Health Center', address: '12 Elm Street, Springfield', phone: '555-0100', fax: '555-0199' },
    }),
  )
  const catalog = openCatalog(path.join(dir, 'data', 'catalog.sqlite'))
  try {
    await fillDesk(catalog)
  } finally {
    catalog.close()
  }
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('chartclerk report / notices / stats', () => {
  it('report deficiencies --format html|csv|json with filters, delinquency from the configuration', async () => {
    const html = path.join(dir, 'report.html')
    const r1 = await run('report', 'deficiencies', '--format', 'html', '--out', html, '--as-of', '2025-06-30')
    expect(r1.code).toBe(0)
    const text = readFileSync(html, 'utf8')
    expect(htmlProblems(text)).toEqual([])
    expect(text).toContain('Deficiency report — Riverside Community Health Center')
    // delinquent after 45 days (configured): C03 (71 days) and the 60-day ones
    expect(text).toContain('delinquent when open more than 45 days')

    const csvFile = path.join(dir, 'report.csv')
    expect(
      (
        await run(
          'report',
          'deficiencies',
          '--format',
          'csv',
          '--out',
          csvFile,
          '--as-of',
          '2025-06-30',
          '--kind',
          'missing_document',
          '--min-age-days',
          '30',
        )
      ).code,
    ).toBe(0)
    const rows = parse(readFileSync(csvFile), { bom: true, columns: true }) as Record<string, string>[]
    expect(rows.map((x) => [x.mrn, x.rule_id, x.delinquent]).sort()).toEqual([
      [PAT.mrn, 'C01', 'yes'],
      [PAT.mrn, 'C03', 'yes'],
    ])

    const j = await run('report', 'deficiencies', '--format', 'json', '--as-of', '2025-06-30', '--facility', 'Mercy')
    const lines = j.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ mrn: PAT.mrn, ruleId: 'C03', kind: 'missing_document', status: 'open', facility: MERCY })

    const bad = await run('report', 'deficiencies', '--format', 'pdf')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--format must be html, csv or json/)
  })

  it('notices: list opens the request, print writes the letter, sent and received are recorded; a check closes it when the record arrives', async () => {
    const list = await run('notices', 'list', '--json')
    const [n] = list.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(n).toMatchObject({ trackingNumber: 'RR-000001', chartMrn: PAT.mrn, facility: MERCY, status: 'pending' })

    const letter = path.join(dir, 'letter.html')
    expect((await run('notices', 'print', 'RR-000001', '--out', letter, '--by', 'clerk.one')).code).toBe(0)
    const html = readFileSync(letter, 'utf8')
    expect(htmlProblems(html)).toEqual([])
    for (const s of [
      'RR-000001',
      'Pat Testperson',
      '1970-05-05',
      PAT.mrn,
      '2025-04-20',
      'Riverside Community Health Center',
      'Fax 555-0199',
      '45 CFR 164.506(c)',
    ])
      expect(html).toContain(s)

    const sent = await run('notices', 'sent', '1', '--by', 'clerk.one', '--date', '2025-07-01')
    expect(sent.stdout).toMatch(/RR-000001 sent 2025-07-01; due 2025-07-11/)

    // The ED visit summary arrives and is filed; `chartclerk check` completes C03 and closes the request.
    const catalog = openCatalog(path.join(dir, 'data', 'catalog.sqlite'))
    try {
      await fileDocument(catalog, {
        mrn: PAT.mrn,
        type: 'emergency_report',
        receivedAt: '2025-07-18T08:00:00Z',
        filedAt: '2025-07-18T09:00:00Z',
        pages: 2,
        dateOfService: '2025-04-20',
        facility: MERCY,
        fields: { visitDate: '2025-04-20', reasonForVisit: 'Chest pain', disposition: 'Home', visitSummary: true },
      })
    } finally {
      catalog.close()
    }
    await run('check', '--patient', PAT.mrn)
    const after = await run('notices', 'list', '--all', '--json')
    expect(JSON.parse(after.stdout.trim().split('\n')[0]!)).toMatchObject({
      trackingNumber: 'RR-000001',
      status: 'received',
      receivedBy: 'chartclerk',
    })
    const hist = await run('notices', 'history', 'RR-000001')
    expect(hist.stdout).toMatch(/created[\s\S]*printed[\s\S]*sent[\s\S]*received/)
    expect((await run('notices', 'received', 'RR-000001', '--by', 'clerk.one')).code).toBe(4) // already received: a conflict
  })

  it('stats --json over a period', async () => {
    const r = await run('stats', '--json', '--from', '2025-04-01', '--to', '2025-06-30')
    expect(r.code).toBe(0)
    const s = JSON.parse(r.stdout)
    expect(s.filing).toMatchObject({ documents: 3, pages: 6, autoFiled: 2, settled: 1 })
    expect(s.review.backlog).toBe(2)
    expect(s.deficiencies.delinquentAfterDays).toBe(45)
    const people = await run('stats', '--from', '2025-04-01', '--to', '2025-06-30')
    expect(people.stdout).toMatch(/^period\s+2025-04-01 to 2025-06-30 \(91 days\)/)
    expect((await run('stats', '--from', '2025-06-30', '--to', '2025-04-01')).code).toBe(2)
  })

  it('stats --format html: the printable statistics with a chart of each day; the text has a bar per day', async () => {
    const out = path.join(dir, 'stats.html')
    const r = await run('stats', '--format', 'html', '--out', out, '--from', '2025-04-01', '--to', '2025-06-30')
    expect(r.code).toBe(0)
    expect(r.stderr).toContain(`written to ${out}`)
    const html = readFileSync(out, 'utf8')
    expect(htmlProblems(html)).toEqual([])
    expect(html).toContain('Records department statistics — Riverside Community Health Center')
    for (const id of ['filed', 'backlog', 'deficiencies', 'releases']) expect(html).toContain(`data-chart="${id}"`)
    // 04-28: the ED and lab reports filed by chartclerk; 06-24: the radiology report after review
    expect(html).toMatch(/data-date="2025-04-28" data-series="auto" data-value="2"/)
    expect(html).toMatch(/data-date="2025-06-24" data-series="review" data-value="1"/)
    const text = await run('stats', '--from', '2025-04-01', '--to', '2025-06-30')
    expect(text.stdout).toMatch(/2025-04-28\s+2 doc\(s\)\s+3 page\(s\)\s+0 after review\s+#{30}\n/)
    expect(text.stdout).toMatch(/2025-06-24\s+1 doc\(s\)\s+3 page\(s\)\s+1 after review\s+\+{15}\n/)
    expect((await run('stats', '--format', 'pdf')).code).toBe(2)
  })
})
