/**
 * Checks the fifth blind set without running the splitter or scoring anything: every planned
 * stack's key holds together (check.ts) over the default seed and many others, and planning is
 * deterministic; prints what the default set holds in general terms. With `--write` (the dry
 * run: `npm run build` first, for `chartclerk separator`) it also prints and scans the set's
 * stacks as the bench does and checks each PDF against its key; `--written` checks the files a
 * run left in .bench-cache. On a PDF: the page count; every page's size (landscape pages wide on
 * text-layer stacks, every page Letter on scanned ones); on text-layer stacks, every page's own
 * text naming its person as the key says (name and birth date, name alone, nobody), blank pages
 * and separator sheets without a patient's name; on scanned stacks, no text layer at all.
 *
 *   npx tsx bench/split-blind-5/selfcheck.ts [--write | --written] [--text N] [--scan N] [--seed S]
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { PDFDocument } from 'pdf-lib'
import { PDFParse } from 'pdf-parse'
import { checkPlan, namesPerson } from './check.js'
import { birthForms } from './kit.js'
import { keyName, PEOPLE } from './people.js'
import { BOUNDARIES, planStack, WRITERS, type Plan5, type Truth5 } from './stack.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const { values } = parseArgs({
  options: {
    write: { type: 'boolean', default: false },
    written: { type: 'boolean', default: false },
    text: { type: 'string', default: '8' },
    scan: { type: 'string', default: '6' },
    seed: { type: 'string', default: 'split-blind-v5' },
  },
})
const text = Number(values.text)
const scan = Number(values.scan)

let failures = 0
let planned = 0
const seeds = [values.seed, 'smoke', ...Array.from({ length: 30 }, (_, i) => `probe-${i}`)]
for (const seed of seeds)
  for (const look of ['text', 'scan'] as const)
    for (let i = 0; i < (look === 'text' ? 8 : 6); i++) {
      const plan = planStack(seed, i, look)
      planned++
      const bad = checkPlan(plan)
      if (bad.length) {
        failures++
        console.error(`UNSOUND ${seed} ${plan.truth.file}: ${bad.join('; ')}`)
      }
      const again = planStack(seed, i, look)
      if (again.html !== plan.html || JSON.stringify(again.truth) !== JSON.stringify(plan.truth)) {
        failures++
        console.error(`NOT DETERMINISTIC ${seed} ${plan.truth.file}`)
      }
    }
console.log(`${planned} stacks planned over ${seeds.length} seeds; ${failures} unsound or not deterministic`)

// What the default set holds, in general terms.
const plans: Plan5[] = [
  ...Array.from({ length: text }, (_, i) => planStack(values.seed, i, 'text')),
  ...Array.from({ length: scan }, (_, i) => planStack(values.seed, i, 'scan')),
]
const parts = plans.flatMap((p) => p.truth.parts)
const count = <T>(xs: T[]) => xs.reduce<Record<string, number>>((o, x) => ((o[String(x)] = (o[String(x)] ?? 0) + 1), o), {})
const writers = new Set(parts.map((p) => p.writer))
const pageNamings = count(parts.flatMap((p) => p.naming))
console.log(
  JSON.stringify(
    {
      seed: values.seed,
      stacks: plans.length,
      pages: plans.reduce((n, p) => n + p.truth.pages, 0),
      documents: parts.length,
      boundaries: parts.filter((p) => p.boundary).length,
      boundariesByKind: Object.fromEntries(BOUNDARIES.map((k) => [k, parts.filter((p) => p.boundary === k).length])),
      relationsAcrossEveryBoundary: count(parts.filter((p) => p.relation).map((p) => p.relation)),
      writersUsed: `${writers.size} of ${Object.keys(WRITERS).length}`,
      types: count(parts.map((p) => p.type)),
      nonBoundaries: {
        multiPageDocuments: parts.filter((p) => p.to > p.from).length,
        long: parts.filter((p) => p.long).length,
        longNumbered: parts.filter((p) => p.long && p.numbered).length,
        longUnnumbered: parts.filter((p) => p.long && !p.numbered).length,
        faxCoverFirstPages: parts.filter((p) => p.cover).length,
        landscapeDocuments: parts.filter((p) => p.landscape).length,
      },
      pageNamings,
      documentsOfPeopleWithoutChart: parts.filter((p) => p.patient.mrn === 'NO-CHART').length,
      releaseLetters: parts.filter((p) => p.writer === 'release-letter').length,
      partsBearingAFaxBanner: parts.filter((p) => p.faxed).length,
      coverStyles: count(parts.filter((p) => p.cover).map((p) => p.cover)),
      separatorSheets: plans.reduce((n, p) => n + p.separatorPages.length, 0),
      blankPages: plans.reduce((n, p) => n + p.truth.roles.filter((x) => x.kind === 'blank').length, 0),
      scenarios: count(plans.map((p) => p.truth.scenario)),
      faxBanners: count(plans.map((p) => p.truth.faxBanner)),
      scanLooks: count(plans.filter((p) => p.truth.scanLook).map((p) => p.truth.scanLook)),
    },
    null,
    2,
  ),
)

/** A written stack against its key. */
async function checkWritten(pdf: string, truth: Truth5): Promise<string[]> {
  const bad: string[] = []
  const data = await readFile(pdf)
  const doc = await PDFDocument.load(data)
  if (doc.getPageCount() !== truth.pages) bad.push(`${doc.getPageCount()} pages, the key ${truth.pages}`)
  doc.getPages().forEach((pg, k) => {
    const { width, height } = pg.getSize()
    const role = truth.roles[k]
    const landscape = role?.kind === 'document' && truth.parts[role.part]!.landscape
    const coverFirst = role?.kind === 'document' && truth.parts[role.part]!.cover && truth.parts[role.part]!.from === k + 1
    const wide = width > height
    if (truth.look === 'scan' && wide) bad.push(`page ${k + 1} is wide on a scanned stack`)
    if (truth.look === 'text' && role?.kind === 'document' && !coverFirst && wide !== landscape)
      bad.push(`page ${k + 1}: wide ${wide}, the key ${landscape}`)
  })
  const parser = new PDFParse({ data: new Uint8Array(data), verbosity: 0 })
  try {
    const pages = (await parser.getText()).pages
    const said = (k: number) => (pages.find((x) => x.num === k)?.text ?? '').replace(/\s+/g, ' ').toLowerCase()
    if (truth.look === 'scan') {
      if (pages.some((x) => x.text.trim())) bad.push('a scanned stack with a text layer')
    } else {
      truth.roles.forEach((role, k) => {
        const s = said(k + 1)
        if (role.kind !== 'document') {
          for (const o of PEOPLE) if (s.includes(o.family.toLowerCase())) bad.push(`page ${k + 1} (${role.kind}) names ${o.family}`)
          if (role.kind === 'blank' && s.trim()) bad.push(`page ${k + 1} is blank in the key but has text`)
          return
        }
        const part = truth.parts[role.part]!
        const person = PEOPLE.find((x) => keyName(x) === part.person)!
        const naming = part.naming[k + 1 - part.from]
        const named = s.includes(person.family.toLowerCase())
        const born = birthForms(person.birth).some((f) => s.includes(f))
        if (naming === 'full' && !(named && born))
          bad.push(`page ${k + 1}: the key says name and birth date, the text ${named ? 'has no birth date' : 'has no name'}`)
        if (naming === 'name' && (!named || born)) bad.push(`page ${k + 1}: the key says the name alone, the text does not`)
        if (naming === 'none' && named) bad.push(`page ${k + 1}: the key says nobody, the text names ${person.family}`)
        for (const o of PEOPLE)
          if (o !== person && !(o.family === person.family && o.given === person.given) && namesPerson(s, o))
            bad.push(`page ${k + 1} names ${o.given} ${o.family}`)
      })
    }
  } finally {
    await parser.destroy()
  }
  return bad
}

if (values.write || values.written) {
  const dir = path.join(ROOT, '.bench-cache', 'split-blind-5', values.seed)
  const stacks = values.write
    ? await (await import('../split-blind-5.js')).writeBlind5Stacks(dir, { seed: values.seed, text, scan })
    : await Promise.all(
        plans.map(async (p) => ({
          pdf: path.join(dir, p.truth.file),
          truth: JSON.parse(await readFile(path.join(dir, p.truth.file.replace(/\.pdf$/, '.truth.json')), 'utf8')) as Truth5,
        })),
      )
  for (const [k, s] of stacks.entries()) {
    const bad = await checkWritten(s.pdf, s.truth)
    if (JSON.stringify(s.truth) !== JSON.stringify(plans[k]!.truth)) bad.push('the key on disk is not the planned key')
    if (bad.length) failures++
    console.log(
      `${bad.length ? 'BAD ' : 'ok  '} ${path.relative(ROOT, s.pdf)}: ${s.truth.pages} pages, ${s.truth.parts.length} documents${bad.length ? ': ' + bad.join('; ') : ''}`,
    )
  }
}
if (failures) {
  console.error(`${failures} failures`)
  process.exit(1)
}
