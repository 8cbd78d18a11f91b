/**
 * What every answer key of the fifth blind set must satisfy, checked against the stack's own
 * HTML and the chart list before anything is printed: pages and roles agree, parts in order and
 * inside the file, only separator sheets and blank pages between parts, each boundary's kind
 * agreeing with what lies between the parts and with the two parts' people and documents, every
 * page naming its person as the key says (name and birth date, the name alone, or no patient at
 * all) and no page naming another of the set's people, cover sheets first in their part,
 * landscape pages where the key puts them, fax banners numbering what the key says (the whole
 * transmission, or each fax of a day's mail on its own), one long document in every stack, and
 * every charted person in the chart list under the key's MRN (nobody without a chart in it).
 */
import { bannerNumbers } from './covers.js'
import { birthForms } from './kit.js'
import { MRN_PATTERN, NO_CHART, PEOPLE, keyName, patientsCsv, type Person } from './people.js'
import type { Plan5 } from './stack.js'

/** The printed sheets' HTML, one per page of the file that is not a separator sheet. */
export function printedSheets(html: string): string[] {
  const body = /<body>([\s\S]*)<\/body>/.exec(html)?.[1] ?? ''
  return body
    .split(/\n(?=<section class="sheet)/)
    .map((x) => x.trim())
    .filter((x) => x.startsWith('<section class="sheet'))
}

/** What a sheet says, without tags or the fax banner, in lower case. */
export function sheetText(sheet: string): string {
  return sheet
    .replace(/<div class="fb5">.*?<\/div>/, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&[a-z]+;|&#\d+;/g, ' ')
    .replace(/\s+/g, ' ')
    .toLowerCase()
}

/** Does this text name the person: family name and given name, in the orders the writers use. */
export function namesPerson(text: string, p: Person): boolean {
  const fam = p.family.toLowerCase()
  const giv = p.given.toLowerCase()
  return text.includes(fam) && text.includes(giv) && (text.includes(`${giv} `) || text.includes(`${fam}, ${giv}`))
}

const hasBirth = (text: string, p: Person) => birthForms(p.birth).some((f) => text.includes(f))
/** A person of the same given and family name (father and son): naming one names the other too. */
const sameName = (a: Person, b: Person) => a.family === b.family && a.given === b.given

function chartList(): Map<string, string> {
  const [head, ...rows] = patientsCsv().trim().split('\n')
  const cols = head!.split(',')
  return new Map(
    rows.map((line) => {
      const row = line.split(',')
      const at = (n: string) => row[cols.indexOf(n)] ?? ''
      return [at('mrn'), `${at('given_name')} ${at('family_name')} ${at('birth_date')}`]
    }),
  )
}

export function checkPlan(plan: Plan5): string[] {
  const t = plan.truth
  const bad: string[] = []
  if (t.pages !== t.roles.length) bad.push(`pages ${t.pages} but ${t.roles.length} roles`)
  if (t.pages < 8 || t.pages > 30) bad.push(`${t.pages} pages, not 8-30`)
  if (t.parts.length < 3) bad.push(`${t.parts.length} parts, fewer than 3`)
  if ((t.look === 'scan') !== !!t.scanLook) bad.push('scan look and look disagree')
  if (!t.parts.some((p) => p.long)) bad.push('no long document')
  const sheets = printedSheets(plan.html)
  const seps = t.roles.flatMap((x, i) => (x.kind === 'separator' ? [i + 1] : []))
  if (sheets.length !== t.pages - seps.length) bad.push(`${sheets.length} printed sheets, the key wants ${t.pages - seps.length}`)
  if (JSON.stringify(seps) !== JSON.stringify(plan.separatorPages)) bad.push('separator pages differ from the roles')
  if (t.faxBanner === 'transmission' && t.roles.some((x) => x.kind !== 'document'))
    bad.push('a separator or blank page inside a fax transmission')
  if (t.roles[0]?.kind !== 'document') bad.push('the file does not start with a document page')

  const sheetOf: (string | undefined)[] = []
  let next = 0
  for (const role of t.roles) sheetOf.push(role.kind === 'separator' ? undefined : sheets[next++])
  t.roles.forEach((role, i) => {
    const s = sheetOf[i] ?? ''
    if (role.kind === 'blank' && s !== '<section class="sheet"></section>') bad.push(`page ${i + 1} is blank in the key but has content`)
    if (role.kind !== 'document') return
    if (sheetText(s).trim().length < 20) bad.push(`page ${i + 1} is a document page printed (nearly) empty`)
    const n = bannerNumbers(s)
    const part = t.parts[role.part]
    if (!part) return bad.push(`page ${i + 1} belongs to part ${role.part}, which the key does not hold`)
    if (!part.faxed && n) bad.push(`page ${i + 1} has a fax banner the key does not give`)
    if (part.faxed && !n) bad.push(`page ${i + 1} has no fax banner`)
    if (t.faxBanner === 'transmission' && (n?.[0] !== i + 1 || n?.[1] !== t.pages))
      bad.push(`page ${i + 1}: banner ${n?.join('/')}, not ${i + 1}/${t.pages}`)
    if (t.faxBanner === 'none' && part.faxed) bad.push(`page ${i + 1}: a faxed part in a stack without banners`)
  })

  const charts = chartList()
  const mrn = new RegExp(MRN_PATTERN)
  let prevTo = 0
  t.parts.forEach((p, i) => {
    if (p.from < 1 || p.to > t.pages || p.from > p.to) bad.push(`part ${i} (${p.from}-${p.to}) is not a range of the file`)
    if (p.from <= prevTo) bad.push(`part ${i} overlaps the one before`)
    for (let n = p.from; n <= p.to; n++) {
      const role = t.roles[n - 1]
      if (role?.kind !== 'document' || role.part !== i) bad.push(`page ${n} of part ${i} is not that part's page`)
    }
    const gap = t.roles.slice(prevTo, p.from - 1).map((x) => x.kind)
    if (gap.includes('document')) bad.push(`a document page between parts ${i - 1} and ${i}`)
    if (gap.length > 1) bad.push(`${gap.length} pages between parts ${i - 1} and ${i}`)
    const person = PEOPLE.find((x) => keyName(x) === p.person)
    if (!person) bad.push(`part ${i}: "${p.person}" is none of the set's people`)
    if (i === 0) {
      if (p.boundary || p.relation) bad.push('the first part has a boundary')
    } else {
      const a = t.parts[i - 1]!
      const want = gap.includes('separator') ? 'separator' : gap.includes('blank') ? 'blank-page' : p.cover ? 'fax-cover' : p.relation
      if (!p.relation || p.boundary !== want) bad.push(`part ${i}: boundary ${p.boundary}, the pages say ${want}`)
      const same = a.person === p.person
      if (same !== !!p.relation?.startsWith('same-person')) bad.push(`part ${i}: relation ${p.relation} but ${a.person} / ${p.person}`)
      if (same && (a.type === p.type) !== !!p.relation?.startsWith('same-person-same-type'))
        bad.push(`part ${i}: relation ${p.relation} for ${a.type} then ${p.type}`)
      if (p.relation === 'same-person-same-type-same-day' && (a.date !== p.date || a.sender !== p.sender))
        bad.push(`part ${i}: same day and sender in the key, not in the parts`)
      if (p.relation === 'same-person-same-type-other-day' && (a.date === p.date || a.sender !== p.sender))
        bad.push(`part ${i}: other day in the key, not in the parts`)
      if (p.relation === 'same-person-same-type-other-sender' && a.sender === p.sender)
        bad.push(`part ${i}: other sender in the key, one sender in the parts`)
      if (p.relation === 'no-chart' && a.patient.mrn !== NO_CHART && p.patient.mrn !== NO_CHART)
        bad.push(`part ${i}: no-chart between two charted people`)
    }
    const pages = p.to - p.from + 1
    if (p.naming.length !== pages) bad.push(`part ${i}: ${p.naming.length} namings for ${pages} pages`)
    if (p.long !== pages - (p.cover ? 1 : 0) >= 4) bad.push(`part ${i}: long ${p.long} for ${pages} pages`)
    if (p.naming[p.cover ? 1 : 0] !== 'full') bad.push(`part ${i}: its first document page does not name its person fully`)

    // What each page of the part says.
    for (let k = 0; k < pages; k++) {
      const s = sheetOf[p.from - 1 + k] ?? ''
      const text = sheetText(s)
      const isCover = /class="cv5-/.test(s)
      if (isCover !== (p.cover != null && k === 0))
        bad.push(`part ${i} page ${p.from + k}: ${isCover ? 'a cover sheet the key does not give' : 'not the cover sheet the key gives'}`)
      const wide = s.startsWith('<section class="sheet wide"') || s.includes('<div class="turn">')
      if (!isCover && wide !== p.landscape) bad.push(`part ${i} page ${p.from + k}: landscape ${p.landscape} in the key, not on the page`)
      if (wide && (t.look === 'scan') !== s.includes('<div class="turn">'))
        bad.push(`part ${i} page ${p.from + k}: a landscape page not laid out for its look`)
      if (t.faxBanner === 'some-documents' && p.faxed) {
        const n = bannerNumbers(s)
        if (n?.[0] !== k + 1 || n?.[1] !== pages) bad.push(`part ${i} page ${p.from + k}: banner ${n?.join('/')}, not ${k + 1}/${pages}`)
      }
      if (!person) continue
      const naming = p.naming[k]
      const named = namesPerson(text, person) || text.includes(person.family.toLowerCase())
      if (naming === 'full' && !(named && hasBirth(text, person)))
        bad.push(`part ${i} page ${p.from + k}: the key says it names ${person.family} with a birth date; it does not`)
      if (naming === 'name' && (!named || hasBirth(text, person)))
        bad.push(`part ${i} page ${p.from + k}: the key says it names ${person.family} by name alone; it does not`)
      if (naming === 'none' && text.includes(person.family.toLowerCase()))
        bad.push(`part ${i} page ${p.from + k}: the key says it names nobody; it names ${person.family}`)
      for (const o of PEOPLE)
        if (
          o !== person &&
          !sameName(o, person) &&
          (namesPerson(text, o) || (text.includes(o.family.toLowerCase()) && !text.includes(person.family.toLowerCase())))
        )
          bad.push(`part ${i} page ${p.from + k}: names ${o.given} ${o.family}, not its person`)
      for (const o of PEOPLE)
        if (o !== person && o.birth !== person.birth && hasBirth(text, o))
          bad.push(`part ${i} page ${p.from + k}: prints ${o.family}'s birth date`)
    }
    if (person) {
      const listed = `${person.given} ${person.family} ${person.birth}`
      if (p.patient.mrn === NO_CHART) {
        if (person.mrn || [...charts.values()].includes(listed)) bad.push(`part ${i}: ${listed} has a chart but the key says none`)
      } else if (!mrn.test(p.patient.mrn)) bad.push(`part ${i}: MRN ${p.patient.mrn} not in the desk's format`)
      else if (charts.get(p.patient.mrn) !== listed)
        bad.push(`part ${i}: ${p.patient.mrn} is ${charts.get(p.patient.mrn) ?? 'not in the chart list'}, the key says ${listed}`)
    }
    prevTo = p.to
  })
  if (t.roles.slice(prevTo).some((x) => x.kind === 'document')) bad.push('document pages after the last part')
  return bad
}
