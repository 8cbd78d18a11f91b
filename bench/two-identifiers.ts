/**
 * Two-identifier filing on the hand-written evaluation sets: of the documents that print the
 * patient's name and birth date, how many the desk would file without review (type sure enough
 * and the patient matched), and how many would go into a wrong chart.
 *
 *   npx tsx bench/two-identifiers.ts [--model FILE] [--json OUT] [--set eval/independent-4/independent-4-eval.jsonl]
 *
 * Without --set every set in the key is measured except the blind ones (BLIND_SETS).
 *
 * The answer key (bench/two-identifiers/patients.json) names one patient per birth date each set
 * prints. Each set is matched against its own index: its patients with made-up MRNs of our
 * format (^\d{7}$) among 2,000 made-up patients. The first sets print only other facilities'
 * numbers; a set whose key gives a patient our MRN as a fourth element (eval/independent-4) has
 * that MRN in the index, and its records say which patient they name (`"patient": "<birth date>"`,
 * or null), so a birth date printed in any form still counts.
 * A second, adversarial index gives every set patient a look-alike (twin, namesake, transposed
 * birth date, sound-alike name) with the same seed: those documents must go to review, and
 * nothing may be filed into the look-alike's chart.
 */
import fs from 'node:fs'
import path from 'node:path'
import { loadDefaultClassifier } from '../src/classify/classifier.js'
import { readLabelledJsonl } from '../src/classify/jsonl.js'
import { packageRoot } from '../src/classify/paths.js'
import type { Patient } from '../src/model/types.js'
import { extractIdentifiers } from '../src/patients/extractIdentifiers.js'
import { matchPatient } from '../src/patients/match.js'
import { MemoryPatientIndex } from '../src/patients/memoryIndex.js'

const args = process.argv.slice(2)
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}
const root = packageRoot()
const clf = loadDefaultClassifier(opt('--model') ? { modelPath: opt('--model')! } : {})
const key = JSON.parse(fs.readFileSync(path.join(root, 'bench', 'two-identifiers', 'patients.json'), 'utf8')) as Record<
  string,
  Record<string, KeyPatient> | string
>
/** family, given, middle, and (optionally) the MRN our index holds for this person. */
type KeyPatient = [string, string, string | null] | [string, string, string | null, string]
const mrnPattern = /^\d{7}$/
const today = new Date('2026-12-07T12:00:00Z')

function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const FAMILY =
  'Smith Johnson Williams Brown Jones Garcia Miller Davis Lopez Wilson Taylor Moore Martin Lee Perez White Harris Clark Lewis Walker Young King Wright Scott Nguyen Hill Green Adams Baker Hall Rivera Campbell Carter Reid Kim Patel Chen Okafor Abbott Osei'.split(
    ' ',
  )
const GIVEN =
  'James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth David Barbara Susan Joseph Sarah Paul Ana Jean Luis Sean Eric Alan Maria Wei Priya Fatima Omar Clara'.split(
    ' ',
  )
const SOUND: Record<string, string> = { a: 'e', e: 'a', i: 'y', o: 'u', u: 'o' }

/** A birth date whose month and day are swapped (when that is another real date), else a day later. */
function transposed(iso: string): string {
  const [y, m, d] = iso.split('-')
  if (Number(d) <= 12 && d !== m) return `${y}-${d}-${m}`
  return `${y}-${m}-${String(Math.min(28, Number(d) + 1)).padStart(2, '0')}`
}

function indexFor(set: Record<string, KeyPatient>, lookAlikes: boolean, seed: number) {
  const r = rng(seed)
  const patients: Patient[] = []
  let next = 3000000
  const add = (
    familyName: string,
    givenName: string,
    birthDate: string,
    middleName: string | null = null,
    mrn: string | null = null,
  ): Patient => {
    const p: Patient = {
      mrn: mrn ?? String(next),
      familyName,
      givenName,
      middleName,
      birthDate,
      sex: null,
      deceased: false,
      deceasedDate: null,
      primaryProvider: null,
    }
    next += 1 + Math.floor(r() * 30)
    patients.push(p)
    return p
  }
  const truth = new Map<string, Patient>()
  for (let i = 0; i < 2000; i++) {
    const dob = `${1930 + Math.floor(r() * 95)}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`
    add(FAMILY[Math.floor(r() * FAMILY.length)]!, GIVEN[Math.floor(r() * GIVEN.length)]!, dob)
  }
  let k = 0
  for (const [dob, [fam, giv, mid, mrn]] of Object.entries(set)) {
    truth.set(dob, add(fam, giv, dob, mid, mrn ?? null))
    if (!lookAlikes) continue
    const kind = k++ % 4
    if (kind === 0)
      add(fam, giv === 'Alex' ? 'Sam' : 'Alex', dob) // twin
    else if (kind === 1)
      add(fam, giv, `${Number(dob.slice(0, 4)) + 7}${dob.slice(4)}`) // namesake
    else if (kind === 2)
      add(fam, giv, transposed(dob)) // transposed birth date
    else
      add(
        fam.replace(/[aeiou](?=[^aeiou]*$)/, (v) => SOUND[v] ?? v),
        giv,
        dob,
      ) // sound-alike family name
  }
  return { index: new MemoryPatientIndex(patients), truth }
}

const DOB_LABEL =
  /(?:D[O0]B|Date of birth|Birth ?date|Born)\s*[:#]?\s*(\d{1,2}[/-]\d{1,2}[/-]\d{4}|\d{1,2}-[A-Za-z]{3}-\d{4}|[A-Z][a-z]{2} \d{1,2}, \d{4})/i
const MONTHS = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ')
function labelledDob(text: string): string | null {
  const m = DOB_LABEL.exec(text)
  if (!m) return null
  const v = m[1]!
  let y: string, mo: number, d: number
  const word = /^(\d{1,2})-([A-Za-z]{3})-(\d{4})$/.exec(v) ?? null
  const words = /^([A-Z][a-z]{2}) (\d{1,2}), (\d{4})$/.exec(v)
  if (word) [d, mo, y] = [Number(word[1]), MONTHS.indexOf(word[2]!.toLowerCase()) + 1, word[3]!]
  else if (words) [mo, d, y] = [MONTHS.indexOf(words[1]!.toLowerCase()) + 1, Number(words[2]), words[3]!]
  else {
    const [a, b, c] = v.split(/[/-]/).map(Number) as [number, number, number]
    ;[mo, d, y] = a > 12 ? [b, a, String(c)] : [a, b, String(c)]
  }
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

interface Row {
  set: string
  index: string
  twoIdentifier: number
  /** documents whose patient was matched to the right chart, whatever the type's confidence */
  matched: number
  filed: number
  wrongChart: number
  wrongTypeFiled: number
  otherFiled: number
  reasons: Record<string, number>
}

const results: Row[] = []
/** The patient each record names, where the set says so itself (`"patient"`: a birth date or null). */
function namedPatients(file: string): Map<string, string | null> {
  const named = new Map<string, string | null>()
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue
    const r = JSON.parse(line) as { id?: string; patient?: string | null }
    if (r.id !== undefined && r.patient !== undefined) named.set(r.id, r.patient)
  }
  return named
}

/** Sets kept blind: measured only when named with --set, so a plain run never looks at them. */
const BLIND_SETS = new Set([
  'eval/independent-6/independent-6-eval.jsonl',
  'eval/independent-7/independent-7-eval.jsonl',
  'eval/independent-8/independent-8-eval.jsonl',
])

for (const [file, set] of Object.entries(key)) {
  if (typeof set === 'string') continue
  if (opt('--set') ? path.resolve(root, opt('--set')!) !== path.resolve(root, file) : BLIND_SETS.has(file)) continue
  const rows = readLabelledJsonl(path.join(root, file)).rows
  const named = namedPatients(path.join(root, file))
  if (named.size > 0 && rows.some((x) => x.id === undefined || !named.has(x.id)))
    throw new Error(`${file}: some records name their patient and some do not`)
  const docs = rows.map((x) => ({
    x,
    c: clf.classify(x.text),
    ids: extractIdentifiers(x.text, { mrnPattern, today }),
    dob: x.id !== undefined && named.has(x.id) ? named.get(x.id)! : labelledDob(x.text),
  }))
  for (const lookAlikes of [false, true]) {
    const { index, truth } = indexFor(set, lookAlikes, 515)
    const row: Row = {
      set: file.split('/')[1]!,
      index: lookAlikes ? 'look-alikes' : 'plain',
      twoIdentifier: 0,
      matched: 0,
      filed: 0,
      wrongChart: 0,
      wrongTypeFiled: 0,
      otherFiled: 0,
      reasons: {},
    }
    for (const d of docs) {
      const m = await matchPatient(d.ids, index)
      const want = d.dob ? truth.get(d.dob) : undefined
      const typeSure = !d.c.needsReview
      const filed = typeSure && m.decision === 'matched'
      if (m.decision === 'matched' && want && m.patient!.mrn !== want.mrn) row.wrongChart++
      if (m.decision === 'matched' && !want) row.otherFiled += filed ? 1 : 0
      if (!want) continue
      row.twoIdentifier++
      if (m.decision === 'matched' && m.patient!.mrn === want.mrn) row.matched++
      if (filed) {
        row.filed++
        if (d.c.type !== d.x.type) row.wrongTypeFiled++
      } else {
        if (process.env.DEBUG && m.decision !== 'matched')
          console.log('   ', d.x.id, m.reasons.join(' | ').replace(/document [^,]*, chart/g, 'doc/chart'))
        const why = [
          ...(typeSure ? [] : ['type confidence under the threshold']),
          ...(m.decision === 'matched' ? [] : [m.reasons[0]!.replace(/:.*| \(.*/g, '')]),
        ]
        for (const w of why) row.reasons[w] = (row.reasons[w] ?? 0) + 1
      }
    }
    results.push(row)
    const pct = (a: number, b: number) => `${((100 * a) / Math.max(b, 1)).toFixed(1)}%`
    console.log(
      `${row.set} [${row.index}]: two-identifier documents ${row.twoIdentifier}, patient matched ${row.matched} (${pct(row.matched, row.twoIdentifier)}), filed ${row.filed} (${pct(row.filed, row.twoIdentifier)}), wrong chart ${row.wrongChart}, wrong type filed ${row.wrongTypeFiled}, others filed ${row.otherFiled}`,
    )
    for (const [w, n] of Object.entries(row.reasons).sort((a, b) => b[1] - a[1])) console.log(`    ${n}  ${w}`)
  }
}
if (opt('--json')) fs.writeFileSync(opt('--json')!, JSON.stringify(results, null, 2) + '\n')
