/**
 * The answer key of a planned stack checked against the stack itself and the chart list, before
 * anything is printed: page counts, part ranges within the file and in order, boundary kinds
 * agreeing with what lies between parts, every printed page where the key puts it (cover
 * sheets first in their part, landscape pages, blank pages, fax banners numbering what the key
 * says), every part naming its person, and every charted person in the chart list the desk
 * imports under the MRN the key gives (and nobody without a chart in it).
 */
import { dMonY, dmy, esc, longDmy, longMdy, upperMon, us } from './common.js'
import { MRN_PATTERN, NO_CHART, patientsCsv } from './patients.js'
import type { Plan3 } from './stack.js'

/** The printed pages' HTML, one per page of the file that is not a separator sheet. */
export function printedPages(html: string): string[] {
  const body = /<body>([\s\S]*)<\/body>/.exec(html)?.[1] ?? ''
  return body.split(/\n(?=<div class="pg[ "])/).filter((x) => x.startsWith('<div class="pg'))
}

/** The chart list as the desk imports it: MRN to "given family, born YYYY-MM-DD". */
function chartList(): Map<string, string> {
  const [head, ...rows] = patientsCsv().trim().split('\n')
  const cols = head!.split(',')
  const at = (row: string[], name: string) => row[cols.indexOf(name)] ?? ''
  return new Map(
    rows.map((line) => {
      const row = line.split(',')
      return [at(row, 'mrn'), `${at(row, 'given_name')} ${at(row, 'family_name')}, born ${at(row, 'birth_date')}`]
    }),
  )
}

/** "Chinedu A. Okonkwo, born 1957-02-14" as the key writes a person: given, family, birth date. */
export function personOf(s: string): { given: string; family: string; birth: string } | null {
  const m = /^(.+) (\S)\. (.+), born (\d{4}-\d{2}-\d{2})$/.exec(s)
  return m ? { given: m[1]!, family: m[3]!, birth: m[4]! } : null
}

const birthForms = (ymd: string) =>
  [ymd, us(ymd), dmy(ymd), longDmy(ymd), longMdy(ymd), upperMon(ymd), dMonY(ymd)].map((x) => x.toLowerCase())

const bannerNumber = (pageHtml: string): [number, number] | null => {
  const m = /<div class="fax[^"]*">.*?<span>(?:P\.(\d+)\/(\d+)|PAGE (\d+) OF (\d+))<\/span><\/div>/.exec(pageHtml)
  if (!m) return null
  return [Number(m[1] ?? m[3]), Number(m[2] ?? m[4])]
}

/** Everything that must hold of a planned stack; the list of what does not (empty when sound). */
export function checkPlan(plan: Plan3): string[] {
  const t = plan.truth
  const bad: string[] = []
  if (t.pages !== t.roles.length) bad.push(`pages ${t.pages} but ${t.roles.length} roles`)
  if (t.pages < 8 || t.pages > 25) bad.push(`${t.pages} pages, not 8-25`)
  if (!t.parts.length) bad.push('no parts')
  const pages = printedPages(plan.html)
  if (pages.length !== t.pages - plan.separatorPages.length)
    bad.push(`${pages.length} printed pages, expected ${t.pages - plan.separatorPages.length}`)
  const seps = t.roles.flatMap((x, i) => (x.kind === 'separator' ? [i + 1] : []))
  if (JSON.stringify(seps) !== JSON.stringify(plan.separatorPages)) bad.push('separator pages differ from the roles')
  if (t.scanLook && t.look !== 'scan') bad.push('a scan look on a text-layer stack')
  if (t.look === 'scan' && !t.scanLook) bad.push('a scanned stack without a scan look')

  // Printed page of file page n (undefined for a separator sheet).
  const printedOf: (string | undefined)[] = []
  let next = 0
  for (const role of t.roles) printedOf.push(role.kind === 'separator' ? undefined : pages[next++])
  t.roles.forEach((role, i) => {
    const pg = printedOf[i]
    if (role.kind === 'blank' && pg !== '<div class="pg"></div>') bad.push(`page ${i + 1} is blank in the key but printed with content`)
    if (role.kind === 'document' && (!pg || pg === '<div class="pg"></div>'))
      bad.push(`page ${i + 1} is a document page in the key but printed empty`)
    if (role.kind !== 'document') return
    const n = bannerNumber(pg ?? '')
    if (t.faxBanner === 'none' && n) bad.push(`page ${i + 1} has a fax banner the key does not give`)
    if (t.faxBanner === 'whole-transmission' && (n?.[0] !== i + 1 || n?.[1] !== t.pages))
      bad.push(`page ${i + 1}: banner ${n?.join('/')} for page ${i + 1} of ${t.pages}`)
  })

  const charts = chartList()
  const mrn = new RegExp(MRN_PATTERN)
  let prevTo = 0
  t.parts.forEach((p, i) => {
    if (p.from < 1 || p.to > t.pages) bad.push(`part ${i} (${p.from}-${p.to}) outside pages 1-${t.pages}`)
    if (p.from > p.to) bad.push(`part ${i} runs backwards`)
    if (p.from <= prevTo) bad.push(`part ${i} overlaps the one before`)
    for (let n = prevTo + 1; n < p.from; n++)
      if (t.roles[n - 1]?.kind === 'document') bad.push(`page ${n} between parts is a document page`)
    for (let n = p.from; n <= p.to; n++) {
      const role = t.roles[n - 1]
      if (role?.kind !== 'document' || role.part !== i) bad.push(`page ${n} of part ${i} is not that part's page`)
    }
    const gap = t.roles.slice(prevTo, p.from - 1).map((x) => x.kind)
    if (i === 0) {
      if (p.boundary || p.relation) bad.push('the first part has a boundary')
      if (p.from !== 1 + gap.length) bad.push('the first part does not start the file')
    } else {
      if (!p.boundary || !p.relation) bad.push(`part ${i} has no boundary kind`)
      const want = gap.includes('separator') ? 'separator' : gap.includes('blank') ? 'blank-page' : p.cover ? 'fax-cover' : p.relation
      if (p.boundary !== want) bad.push(`part ${i}: boundary ${p.boundary}, pages say ${want}`)
      const a = t.parts[i - 1]!
      const samePerson = a.patient.mrn === p.patient.mrn && a.person === p.person
      if (p.relation?.startsWith('same-patient') !== samePerson)
        bad.push(`part ${i}: relation ${p.relation} but persons ${a.person} / ${p.person}`)
      if (p.relation === 'same-patient-same-type-same-day' && (a.date !== p.date || a.type !== p.type))
        bad.push(`part ${i}: same day and type in the key, not in the parts`)
    }
    const docPages = p.to - p.from + 1 - (p.cover ? 1 : 0)
    if (docPages < 1) bad.push(`part ${i} is a cover sheet alone`)
    if (p.long !== docPages >= 4) bad.push(`part ${i}: long ${p.long} for ${docPages} pages`)

    // What the part's pages say.
    const own = Array.from({ length: Math.max(0, p.to - p.from + 1) }, (_, k) => printedOf[p.from - 1 + k] ?? '')
    own.forEach((pg, k) => {
      const isCover = pg.startsWith('<div class="pg cv"')
      if (isCover !== (p.cover != null && k === 0))
        bad.push(`part ${i} page ${p.from + k}: ${isCover ? 'a cover sheet the key does not give' : 'not the cover sheet the key gives'}`)
      if (!isCover && p.landscape !== pg.includes('class="ls-in"'))
        bad.push(`part ${i} page ${p.from + k}: landscape ${p.landscape} in the key, not on the page`)
    })
    if (t.faxBanner === 'per-transmission')
      own.forEach((pg, k) => {
        const n = bannerNumber(pg)
        if (n?.[0] !== k + 1 || n?.[1] !== own.length)
          bad.push(`part ${i} page ${p.from + k}: banner ${n?.join('/')} for page ${k + 1} of ${own.length}`)
      })
    const who = personOf(p.person)
    if (!who) bad.push(`part ${i}: person "${p.person}" unreadable`)
    else {
      const text = own.join('\n').toLowerCase()
      if (!text.includes(esc(who.family).toLowerCase())) bad.push(`part ${i}: its pages never name ${who.family}`)
      if (!birthForms(who.birth).some((f) => text.includes(f))) bad.push(`part ${i}: its pages never give ${who.family}'s birth date`)
      // The chart list: a charted person under the key's MRN, nobody without a chart.
      const listed = `${who.given} ${who.family}, born ${who.birth}`
      if (p.patient.mrn === NO_CHART) {
        if ([...charts.values()].includes(listed)) bad.push(`part ${i}: ${listed} has a chart but the key says none`)
      } else if (!mrn.test(p.patient.mrn)) bad.push(`part ${i}: MRN ${p.patient.mrn} not in the desk's MRN format`)
      else if (charts.get(p.patient.mrn) !== listed)
        bad.push(`part ${i}: ${p.patient.mrn} is ${charts.get(p.patient.mrn) ?? 'not in the chart list'}, the key says ${listed}`)
    }
    prevTo = p.to
  })
  if (t.roles.slice(prevTo).some((x) => x.kind === 'document')) bad.push('document pages after the last part')
  return bad
}
