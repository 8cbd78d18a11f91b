/**
 * The split benchmark's stacks: the ground truth beside each batch agrees with the PDF
 * (page counts, ranges, whose name each page carries), scoring counts what it should, and
 * one small batch goes through the real `chartclerk ingest --json` (text layer: no OCR).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { PDFParse } from 'pdf-parse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ingestAndScore, writeBatches, type GeneratedBatch } from '../../../bench/split.js'
import { makeBatch, pageRoles } from '../../../bench/split/batch.js'
import { scoreBatch, summarise, type IngestLine } from '../../../bench/split/score.js'
import { SEPARATOR_PHRASE } from '../../../src/split/separatorSheet.js'

let dir: string
let full: GeneratedBatch[]
let quick: GeneratedBatch[]
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cc-split-gen-'))
  full = await writeBatches(path.join(dir, 'full'), { seed: 'test-split', count: 4, look: 'text', size: 'full' })
  quick = await writeBatches(path.join(dir, 'quick'), { seed: 'test-split', count: 1, look: 'text', size: 'quick' })
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function pageTexts(file: string): Promise<string[]> {
  const parser = new PDFParse({ data: new Uint8Array(await readFile(file)), verbosity: 0 })
  try {
    return (await parser.getText()).pages.map((p) => p.text)
  } finally {
    await parser.destroy()
  }
}

describe('split benchmark batches', () => {
  it('ground truth beside each batch matches its PDF: pages, ranges, and the patient each page names', async () => {
    for (const b of [...full, ...quick]) {
      expect(JSON.parse(await readFile(b.truthFile, 'utf8'))).toEqual(b.truth)
      const t = b.truth
      expect((await PDFDocument.load(await readFile(b.pdf))).getPageCount()).toBe(t.pages)
      // Every page is in exactly one part, or a separator sheet, or blank (pageRoles throws otherwise).
      const roles = pageRoles(t)
      expect(roles).toHaveLength(t.pages)
      const covered = t.parts.reduce((s, p) => s + (p.to - p.from + 1), 0) + t.separators.length + t.blanks.length
      expect(covered).toBe(t.pages)
      t.parts.forEach((p, i) => i && expect(p.from).toBeGreaterThan(t.parts[i - 1]!.to))
      const texts = await pageTexts(b.pdf)
      roles.forEach((r, i) => {
        const words = texts[i]!.toUpperCase()
        if (r.kind === 'document') {
          const part = t.parts[r.part]!
          // Every page of a document names its patient (the first page fully; continuation headers at least the family name).
          expect(words, `${t.batch} page ${i + 1}`).toContain(part.patient.familyName.toUpperCase())
        } else if (r.kind === 'separator') expect(words).toContain(SEPARATOR_PHRASE)
        else expect(words.trim()).toBe('')
      })
    }
    const all = full.map((b) => b.truth)
    // The cases the benchmark exists for, across the batches.
    expect(all.every((t) => t.parts.some((p) => p.to > p.from && p.type === 'discharge_summary'))).toBe(true)
    expect(all.some((t) => t.parts.some((p) => p.sameAsPrevious))).toBe(true)
    expect(all.some((t) => t.separators.length > 0)).toBe(true)
    expect(all.some((t) => t.blanks.length > 0)).toBe(true)
    expect(new Set(all.flatMap((t) => t.parts.map((p) => p.pageMarkers))).size).toBe(2)
    expect(new Set(all.flatMap((t) => t.parts.map((p) => p.template))).size).toBeGreaterThanOrEqual(4)
    expect(new Set(all.flatMap((t) => t.parts.map((p) => p.patient.mrn))).size).toBeGreaterThanOrEqual(4)
  })

  it('the same seed makes the same batch', async () => {
    const again = await makeBatch({ seed: 'test-split', index: 2, look: 'text', size: 'full' })
    expect(again.truth).toEqual(full[2]!.truth)
  })

  it('scores a perfect split as 1, a missed cut and a page filed under another patient as such', () => {
    const t = full.find((b) => b.truth.separators.length)!.truth
    const perfect: IngestLine[] = t.parts.map((p) => ({
      status: 'filed',
      split: { from: p.from, to: p.to },
      documentType: p.type,
      patient: { mrn: p.patient.mrn },
    }))
    const s = summarise([scoreBatch(t, perfect)])
    expect(s).toMatchObject({
      boundaryPrecision: 1,
      boundaryRecall: 1,
      exactPartAccuracy: 1,
      pagesFiledIntoWrongChart: 0,
      partsFiled: t.parts.length,
    })
    // The whole file as one document filed under the first part's patient: every cut missed, others' pages and the separator in the wrong chart.
    const whole = scoreBatch(t, [{ status: 'filed', patient: { mrn: t.parts[0]!.patient.mrn } }])
    expect(whole.tp).toBe(0)
    expect(whole.fn).toBe(t.parts.length - 1)
    expect(whole.wrongChartPages.separator).toBe(t.separators.length)
    const others = t.parts.filter((p) => p.patient.mrn !== t.parts[0]!.patient.mrn).reduce((n, p) => n + p.to - p.from + 1, 0)
    expect(whole.wrongChartPages.otherPatient).toBe(others)
    expect(summarise([whole]).boundaryPrecision).toBeNull()
    // A part spanning a blank page files it, unless the part says it left the page out.
    const b = full.find((x) => x.truth.blanks.length)!.truth
    const k = b.parts.findIndex((p) => p.from > b.blanks[0]!)
    const merged = (blankPages?: number[]): IngestLine[] => [
      {
        status: 'filed',
        split: { from: b.parts[k - 1]!.from, to: b.parts[k]!.to },
        blankPages,
        patient: { mrn: b.parts[k - 1]!.patient.mrn },
      },
    ]
    expect(scoreBatch(b, merged()).wrongChartPages.blank).toBe(1)
    expect(scoreBatch(b, merged([b.blanks[0]!])).wrongChartPages.blank).toBe(0)
  })

  it('one quick batch through the real chartclerk ingest --json: every line scored, nothing filed into a wrong chart', async () => {
    const { summary, perBatch, lines } = await ingestAndScore(quick, { workers: 1 })
    expect(lines.length).toBeGreaterThanOrEqual(1)
    expect(lines.every((l) => l.status !== 'failed')).toBe(true)
    expect(perBatch[0]!.lines).toBe(lines.length)
    expect(summary.boundaries).toBe(quick[0]!.truth.parts.length - 1)
    expect(summary.boundaryRecall).not.toBeNull()
    expect(summary.pagesFiledIntoWrongChart).toBe(0)
  }, 180_000)
})
