import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { Patient } from '../../../src/model/types.js'
import { extractIdentifiers } from '../../../src/patients/extractIdentifiers.js'
import { importPatientsCsv } from '../../../src/patients/importPatients.js'
import { describeDecision, isInformational, matchPatient, type MatchResult, type PatientIndex } from '../../../src/patients/match.js'
import { MemoryPatientIndex } from '../../../src/patients/memoryIndex.js'

// Every patient here is made up.
const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..', '..', '..')

interface Fixture {
  mrnPattern: string
  today: string
  patients: Patient[]
  cases: Array<{
    id: string
    kind: string
    twoGoodIdentifiers: boolean
    truthMrn: string | null
    expect: MatchResult['decision']
    text: string[]
    note?: string
  }>
}
const fixture = JSON.parse(readFileSync(join(root, 'test/fixtures/matching/adversarial.json'), 'utf8')) as Fixture
const extractOpts = { mrnPattern: fixture.mrnPattern, today: new Date(`${fixture.today}T12:00:00Z`) }
const index = new MemoryPatientIndex(fixture.patients)

async function decide(lines: string[], idx: PatientIndex = index): Promise<MatchResult> {
  return matchPatient(extractIdentifiers(lines.join('\n'), extractOpts), idx)
}

describe('matchPatient: the two-identifier rule', () => {
  it('files on MRN + name, MRN + birth date, or name + birth date when no MRN of ours is printed', async () => {
    expect((await decide(['Patient: LEE, ROBERT   MRN: 1000024'])).patient?.mrn).toBe('1000024')
    expect((await decide(['MRN: 1000024   DOB: 04/04/1950'])).patient?.mrn).toBe('1000024')
    expect((await decide(['Patient: LEE, ROBERT   DOB: 04/04/1950'])).patient?.mrn).toBe('1000024')
  })

  it('files a name whose l a scan read as 1 inside a lower-case word; a stroke that may be I or L still goes to review', async () => {
    const p = (mrn: string, familyName: string, givenName: string): Patient => ({ mrn, familyName, givenName, birthDate: '2023-03-03' })
    const idx = new MemoryPatientIndex([p('3000001', 'Redcloud', 'Tobias'), p('3000002', 'Nguyen', 'Ian'), p('3000003', 'Nguyen', 'Lan')])
    expect((await decide(['Patient: Tobias Redc1oud   D0B: 03/03/2023'], idx)).patient?.mrn).toBe('3000001')
    expect((await decide(['Patient:Redc1oud,Tobias  DOB:03/03/2023'], idx)).patient?.mrn).toBe('3000001')
    expect((await decide(['Patient: NGUYEN, 1AN   DOB: 03/03/2023'], idx)).decision).toBe('needs_review')
  })

  it('never files on one identifier', async () => {
    for (const lines of [['Patient: LEE, ROBERT'], ['MRN: 1000024'], ['DOB: 04/04/1950']]) {
      const r = await decide(lines)
      expect(r.decision).toBe('needs_review')
      expect(r.patient).toBeUndefined()
      expect(r.reasons[0]).toMatch(/two identifiers must agree/)
    }
  })

  it('GIVEN two agreeing identifiers and a third that disagrees THEN review, naming the difference', async () => {
    const r = await decide(['Patient: LEE, ROBERT   MRN: 1000024   DOB: 04/05/1950'])
    expect(r.decision).toBe('needs_review')
    expect(r.candidates[0]!.patient.mrn).toBe('1000024')
    expect(r.candidates[0]!.agreeing).toEqual(['mrn', 'name'])
    expect(r.candidates[0]!.disagreeing).toEqual(['birthDate'])
    expect(r.candidates[0]!.reasons).toContain('birth date differs: document 1950-04-05, chart 1950-04-04 (one digit differs)')
  })

  it('GIVEN an MRN whose chart has another name and birth date THEN review as a misfile risk', async () => {
    const r = await decide(['Patient: TAYLOR, EMILY   MRN: 1000019'])
    expect(r.decision).toBe('needs_review')
    expect(r.reasons[0]).toMatch(/MRN belongs to a chart whose name and birth date do not agree/)
  })

  it("GIVEN a number in our MRN format that no chart holds nor is one slip from THEN it is the sender's, and name + birth date file", async () => {
    const r = await decide(['Patient: LEE, ROBERT   DOB: 04/04/1950   MRN: 1999999'])
    expect(r.decision).toBe('matched')
    expect(r.patient?.mrn).toBe('1000024')
    expect(r.candidates[0]!.status.mrn).toBe('absent')
    expect(r.reasons.join(' ')).toMatch(/1999999 is in our MRN format but no chart's MRN/)
    // It never stands in for an identifier: with the name alone it is still one identifier.
    const one = await decide(['Patient: LEE, ROBERT   MRN: 1999999'])
    expect(one.decision).toBe('needs_review')
    expect(one.reasons[0]).toMatch(/only name could be compared/)
  })

  it('compares MRNs without their separators (CC-100418 printed as CC100418)', async () => {
    const idx = new MemoryPatientIndex([{ mrn: 'CC-100418', familyName: 'Johnson', givenName: 'Michael', birthDate: '1975-01-12' }])
    const ids = extractIdentifiers('Patient: JOHNSON, MICHAEL   MRN: CC100418', { ...extractOpts, mrnPattern: '^CC-\\d{6}$' })
    const r = await matchPatient(ids, idx)
    expect(r.decision).toBe('matched')
    expect(r.patient?.mrn).toBe('CC-100418')
  })

  it("ignores other facilities' numbers and says so", async () => {
    const r = await decide(['Patient: LEE, ROBERT   DOB: 04/04/1950   Acct #: 1000019   FIN: 7777777'])
    expect(r.decision).toBe('matched')
    expect(r.patient?.mrn).toBe('1000024')
    expect(r.reasons.join(' ')).toMatch(/2 numbers of other facilities .* never used to match/)
  })

  it('returns no_candidates when there is nothing to go on', async () => {
    const none = await decide(['Operative note. Estimated blood loss minimal.'])
    expect(none).toEqual({
      decision: 'no_candidates',
      candidates: [],
      reasons: ['no patient name, birth date or MRN of ours was found on the document'],
    })
    const unknown = await decide(['Patient: ZELLWEGER, OTTO   DOB: 01/02/1944'])
    expect(unknown.decision).toBe('no_candidates')
  })

  it("files into a deceased patient's chart only when allowed", async () => {
    const ids = extractIdentifiers('Patient: WASHINGTON, HAROLD   DOB: 08/08/1949   MRN: 1000011', extractOpts)
    const r = await matchPatient(ids, index)
    expect(r.decision).toBe('needs_review')
    expect(r.reasons[0]).toMatch(/deceased patient \(died 2023-01-15\)/)
    const allowed = await matchPatient(ids, index, { allowDeceased: true })
    expect(allowed.patient?.mrn).toBe('1000011')
  })

  it('works with an index whose look-ups are asynchronous (a PostgreSQL catalog)', async () => {
    const slow: PatientIndex = {
      findByMrn: async (m) => index.findByMrn(m),
      findByBirthDate: async (d) => index.findByBirthDate(d),
      findByNameKey: async (k) => index.findByNameKey(k),
    }
    expect((await decide(['Patient: LEE, ROBERT   DOB: 04/04/1950'], slow)).patient?.mrn).toBe('1000024')
  })

  it('summarises a decision for the log without patient data', async () => {
    const r = await decide(['Patient: LEE, ROBERT   DOB: 04/04/1950   MRN: 1000024'])
    const logged = JSON.stringify(describeDecision(r))
    expect(logged).toBe('{"decision":"matched","candidates":1,"topScore":1}')
    expect(logged).not.toMatch(/LEE|1950|1000024/i)
  })

  it('lists candidates best first with human-readable reasons, and caps the list', async () => {
    const r = await decide(['Patient: DOE, JANE   DOB: 03/41/1962'])
    expect(r.candidates.map((c) => c.patient.mrn)).toEqual(['1000001', '1000002'])
    expect(r.candidates[0]!.reasons).toEqual([
      'name matches',
      'birth date differs: document 03/41/1962 (not a possible date), chart 1962-03-14 (two digits transposed)',
    ])
    const capped = await matchPatient(extractIdentifiers('Patient: DOE, JANE   DOB: 03/41/1962', extractOpts), index, { maxCandidates: 1 })
    expect(capped.candidates).toHaveLength(1)
  })
})

describe('matchPatient: identifiers as a person reads them', () => {
  // A site with a loose MRN format (the default, 6-10 digits): senders' numbers fit it too.
  const loose = { ...extractOpts, mrnPattern: '^\\d{6,10}$' }
  const people: Patient[] = [
    { mrn: '4410230', familyName: 'Brandt', givenName: 'Helena', middleName: null, birthDate: '1958-07-21' },
    { mrn: '4410417', familyName: 'Osei', givenName: 'Kwame', middleName: null, birthDate: '1983-02-11' },
    // Two charts whose MRNs are one look-alike digit apart (3 and 8).
    { mrn: '5520316', familyName: 'Varga', givenName: 'Ilona', middleName: null, birthDate: '1970-10-02' },
    { mrn: '5520816', familyName: 'Quist', givenName: 'Anders', middleName: null, birthDate: '1949-05-30' },
    // An MPI duplicate: same name and birth date, two charts.
    { mrn: '6630120', familyName: 'Moreau', givenName: 'Lucie', middleName: null, birthDate: '1991-12-09' },
    { mrn: '6630951', familyName: 'Moreau', givenName: 'Lucie', middleName: null, birthDate: '1991-12-09' },
  ]
  const idx = new MemoryPatientIndex(people)
  const run = (text: string, opts = loose): Promise<MatchResult> => matchPatient(extractIdentifiers(text, opts), idx)

  it("name + birth date on the page file with no MRN, with another facility's MRN, or with an MRN that fits no format of ours", async () => {
    for (const text of [
      'Patient: BRANDT, HELENA   DOB: 07/21/1958',
      'Patient: BRANDT, HELENA   DOB: 07/21/1958   Hospital MRN: 7734521',
      'Patient: BRANDT, HELENA   DOB: 07/21/1958   MRN: H0048213',
      'Patient: BRANDT, HELENA   DOB: 07/21/1958   MRN: 90017733',
    ]) {
      const r = await run(text)
      expect(r.decision, text).toBe('matched')
      expect(r.patient?.mrn).toBe('4410230')
    }
  })

  it('the sender\'s account, visit and MRN numbers beside our MRN never make "more than one patient"', async () => {
    const r = await run(
      ['Patient: OSEI, KWAME   DOB: 02/11/1983', 'MRN: 4410417', 'Patient ID: 00736145   Acct #: 20250402118   Visit #: 3300914'].join(
        '\n',
      ),
    )
    expect(r.decision).toBe('matched')
    expect(r.patient?.mrn).toBe('4410417')
    expect(r.reasons.join(' ')).not.toMatch(/more than one patient|several MRNs/)
    // With only our MRN and the name, the sender's number does not block either.
    const two = await run('Patient: OSEI, KWAME   MRN: 4410417   Patient ID: 00736145')
    expect(two.decision).toBe('matched')
  })

  it("another chart's MRN beside ours still means two patients (review)", async () => {
    const r = await run('Patient: OSEI, KWAME   DOB: 02/11/1983   MRN: 4410417   Patient ID: 4410230')
    expect(r.decision).toBe('needs_review')
    expect(r.patient).toBeUndefined()
    expect(r.reasons[0]).toMatch(/more than one patient/)
  })

  it('our MRN with an extra, a dropped or a look-alike digit files when name and birth date both agree', async () => {
    const cases: Array<[string, RegExp]> = [
      ['MRN: 14410230', /one extra digit/],
      ['MRN: 441030', /one digit missing/],
      ['MRN: 4410280', /one look-alike digit/],
    ]
    for (const [mrn, why] of cases) {
      const r = await run(`Patient: BRANDT, HELENA   DOB: 07/21/1958   ${mrn}`)
      expect(r.decision, mrn).toBe('matched')
      expect(r.patient?.mrn).toBe('4410230')
      expect(r.reasons[0]).toMatch(why)
    }
  })

  it("a slipped MRN does not file with only one other identifier, nor when the slip is not a scanner's", async () => {
    for (const text of [
      'Patient: BRANDT, HELENA   MRN: 14410230',
      'DOB: 07/21/1958   MRN: 14410230',
      'Patient: BRANDT, HELENA   DOB: 07/21/1958   MRN: 4410290', // 9 for 3: not a look-alike pair
      'Patient: BRANDT, HELENA   DOB: 07/21/1958   MRN: 4412030', // two digits transposed
    ]) {
      const r = await run(text)
      expect(r.decision, text).toBe('needs_review')
      expect(r.patient).toBeUndefined()
    }
  })

  it("a slipped MRN goes to review when another chart's MRN is as close", async () => {
    // 5520316 read as 5520816 would be Quist's chart exactly; read as 55208316 it is one slip from both.
    const r = await run('Patient: VARGA, ILONA   DOB: 10/02/1970   MRN: 55203816')
    expect(r.decision).toBe('needs_review')
    expect(r.reasons[0]).toMatch(/another chart's MRN is as close \(5520816\)|another chart's MRN is as close/)
    const exactOther = await run('Patient: VARGA, ILONA   DOB: 10/02/1970   MRN: 5520816')
    expect(exactOther.decision).toBe('needs_review')
  })

  it('a slipped MRN goes to review when another chart has the same name and birth date (the MRN is the only tie-breaker)', async () => {
    const exact = await run('Patient: MOREAU, LUCIE   DOB: 12/09/1991   MRN: 6630120')
    expect(exact.patient?.mrn).toBe('6630120')
    const slipped = await run('Patient: MOREAU, LUCIE   DOB: 12/09/1991   MRN: 66301200')
    expect(slipped.decision).toBe('needs_review')
    expect(slipped.reasons[0]).toMatch(/another chart has the same name and birth date/)
  })

  it('notes about numbers set aside are information, never a review reason', async () => {
    const r = await run('Patient: OSEI, KWAME   Patient ID: 00736145   Acct #: 7781234')
    expect(r.decision).toBe('needs_review')
    const notes = r.reasons.filter(isInformational)
    expect(notes).toHaveLength(2)
    expect(notes.join(' ')).toMatch(/00736145 is in our MRN format but no chart's MRN/)
    expect(r.reasons.filter((x) => !isInformational(x))[0]).toMatch(/only name could be compared/)
  })

  it('review reasons name only real problems: no "more than one patient" for sender numbers', async () => {
    const r = await run('Patient: OSEI, KWAME   Patient ID: 00736145   MRN: 4410417   DOB: 02/11/1984')
    expect(r.decision).toBe('needs_review')
    expect(r.reasons.join(' ')).toMatch(/birth date differs/)
    expect(r.reasons.join(' ')).not.toMatch(/more than one patient/)
  })
})

describe('matchPatient: adversarial set (test/fixtures/matching/adversarial.json)', () => {
  it('has at least 60 cases covering every look-alike kind', () => {
    expect(fixture.cases.length).toBeGreaterThanOrEqual(60)
    const kinds = new Set(fixture.cases.map((c) => c.kind))
    for (const k of [
      'same-name',
      'twins',
      'transposed-dob',
      'sound-alike',
      'deceased',
      'misfile-risk',
      'two-patients',
      'no-identifiers',
      'foreign-id',
      'ocr',
      'one-identifier',
    ]) {
      expect(kinds).toContain(k)
    }
    expect(new Set(fixture.cases.map((c) => c.id)).size).toBe(fixture.cases.length)
  })

  for (const c of fixture.cases) {
    it(c.id, async () => {
      const r = await decide(c.text)
      // Never the wrong chart, whatever the case.
      if (r.decision === 'matched') expect(r.patient?.mrn, 'matched to the wrong patient').toBe(c.truthMrn)
      // Look-alikes and weak documents: exactly the expected decision (never matched).
      if (!c.twoGoodIdentifiers) expect(r.decision).toBe(c.expect)
      expect(r.decision === 'matched').toBe(r.patient !== undefined)
      expect(r.reasons.length).toBeGreaterThan(0)
    })
  }

  it('FIGURES: zero documents matched to the wrong patient, at least 90% of two-identifier documents filed without review', async () => {
    const outcomes = []
    for (const c of fixture.cases) {
      const r = await decide(c.text)
      outcomes.push({ id: c.id, twoGood: c.twoGoodIdentifiers, truthMrn: c.truthMrn, got: r.decision, gotMrn: r.patient?.mrn ?? null })
    }
    const wrong = outcomes.filter((o) => o.got === 'matched' && o.gotMrn !== o.truthMrn)
    const good = outcomes.filter((o) => o.twoGood)
    const goodMatched = good.filter((o) => o.got === 'matched' && o.gotMrn === o.truthMrn)
    const share = goodMatched.length / good.length
    const summary = {
      cases: outcomes.length,
      wrongPatient: wrong.length,
      wrongPatientCases: wrong.map((o) => o.id),
      twoIdentifierCases: good.length,
      twoIdentifierAutoFiled: goodMatched.length,
      autoFileShare: Math.round(share * 1000) / 1000,
      twoIdentifierNotAutoFiled: good.filter((o) => !goodMatched.includes(o)).map((o) => o.id),
      lookAlikeCases: outcomes.length - good.length,
      lookAlikesMatched: outcomes.filter((o) => !o.twoGood && o.got === 'matched').map((o) => o.id),
    }
    // Case ids and counts only: no patient data in the output.
    console.log(
      `patient matching: ${summary.wrongPatient} of ${summary.cases} documents matched to the wrong patient; ` +
        `${summary.twoIdentifierAutoFiled}/${summary.twoIdentifierCases} (${(share * 100).toFixed(1)}%) two-identifier documents filed without review; ` +
        `${summary.lookAlikesMatched.length}/${summary.lookAlikeCases} look-alike or weak documents matched`,
    )
    mkdirSync(join(root, 'test-artifacts'), { recursive: true })
    writeFileSync(join(root, 'test-artifacts', 'patient-matching.json'), `${JSON.stringify(summary, null, 2)}\n`)
    expect(summary.wrongPatient).toBe(0)
    expect(summary.lookAlikesMatched).toEqual([])
    expect(share).toBeGreaterThanOrEqual(0.9)
  })
})

describe('matchPatient: real OCR output of the sample records (test/fixtures/matching/ocr-samples.json)', () => {
  const samples = JSON.parse(readFileSync(join(root, 'test/fixtures/matching/ocr-samples.json'), 'utf8')) as {
    mrnPattern: string
    patientsCsv: string
    documents: Array<{ text: string; patientMrn: string; mustNotMatch: string[] }>
  }
  const imported = importPatientsCsv(samples.patientsCsv, { mrnPattern: samples.mrnPattern, today: extractOpts.today })
  const sampleIndex = new MemoryPatientIndex(imported.patients)

  it('imports the sample patient list without errors', () => {
    expect(imported.errors).toEqual([])
    expect(imported.patients.length).toBeGreaterThanOrEqual(16)
  })

  for (const d of samples.documents) {
    it(`${d.text} files into ${d.patientMrn}`, async () => {
      const text = readFileSync(join(root, 'test/fixtures/matching', d.text), 'utf8')
      const r = await matchPatient(extractIdentifiers(text, { mrnPattern: samples.mrnPattern, today: extractOpts.today }), sampleIndex)
      expect(d.mustNotMatch).not.toContain(r.patient?.mrn)
      expect(r.decision).toBe('matched')
      expect(r.patient?.mrn).toBe(d.patientMrn)
    })
  }
})

describe('matchPatient: day-first and month-first birth dates', () => {
  // Every patient here is made up. Ada Quillfeather was born on 2 November 1971; 02/11/1971 may be either date.
  const ada: Patient = { mrn: '7710002', familyName: 'Quillfeather', givenName: 'Ada', middleName: null, birthDate: '1971-11-02' }
  // A namesake born on 11 February 1971: the month-first reading of the same digits.
  const namesake: Patient = { mrn: '7710003', familyName: 'Quillfeather', givenName: 'Ada', middleName: null, birthDate: '1971-02-11' }
  const run = (lines: string[], patients: Patient[]): Promise<MatchResult> =>
    matchPatient(extractIdentifiers(lines.join('\n'), extractOpts), new MemoryPatientIndex(patients))
  const ukLetter = [
    'Dear Dr Marsh,',
    'Re: Ada Quillfeather (DOB 02/11/1971)',
    '14 Oak Lane, Leeds LS1 4AB',
    'I saw her in the paediatric clinic.',
  ]

  it('GIVEN a letter that writes dates day first (its own dates, or where it was written) THEN the day-first reading files', async () => {
    expect((await run(ukLetter, [ada])).patient?.mrn).toBe('7710002')
    expect((await run(['Clinic date: 23/10/2026', 'Patient: Ada Quillfeather   D.O.B. 02.11.1971'], [ada])).patient?.mrn).toBe('7710002')
    expect((await run(['Patient: Ada QUILLFEATHER   DOB 13.09.1995'], [{ ...ada, birthDate: '1995-09-13' }])).patient?.mrn).toBe('7710002')
  })

  it('GIVEN a chart of the same name born on the other reading THEN review, whichever way the letter writes dates', async () => {
    for (const lines of [ukLetter, ['Patient: Ada Quillfeather   DOB: 02/11/1971']]) {
      const r = await run(lines, [ada, namesake])
      expect(r.decision).toBe('needs_review')
      expect(r.patient).toBeUndefined()
      expect(r.reasons.join(' ')).toMatch(/day and month swapped/)
    }
  })

  it('GIVEN nothing that says day first THEN 02/11/1971 is read month first as before, and the day-first chart is only a look-alike', async () => {
    const r = await run(['Patient: Ada Quillfeather   DOB: 02/11/1971'], [ada])
    expect(r.decision).toBe('needs_review')
    expect(r.patient).toBeUndefined()
    expect((await run(['Patient: Ada Quillfeather   DOB: 02/11/1971'], [namesake])).patient?.mrn).toBe('7710003')
  })
})

describe('matchPatient: a given name printed as its initial', () => {
  const p = (mrn: string, givenName: string, middleName: string | null, birthDate: string): Patient => ({
    mrn,
    familyName: 'Faraday-Nwosu',
    givenName,
    middleName,
    birthDate,
  })
  // A brother with the same initials and birth date (twins), another MRN.
  const idx = new MemoryPatientIndex([p('4000001', 'Roderick', 'J', '1950-06-02'), p('4000093', 'Rafael', 'J', '1950-06-02')])
  it('GIVEN our MRN and the birth date agreeing, and the chart’s initials for the given name THEN it files (the MRN tells twins apart)', async () => {
    const r = await decide(['Patient            | DOB        | MRN', 'FARADAY-NWOSU, R J | 06/02/1950 | 4000001'], idx)
    expect(r.decision).toBe('matched')
    expect(r.patient?.mrn).toBe('4000001')
  })
  it('GIVEN the initials without our MRN, or a middle initial that is not the chart’s THEN it goes to review', async () => {
    expect((await decide(['Patient: FARADAY-NWOSU, R J   DOB: 06/02/1950'], idx)).decision).toBe('needs_review')
    expect((await decide(['Patient: FARADAY-NWOSU, R K   DOB: 06/02/1950   MRN: 4000001'], idx)).decision).toBe('needs_review')
    expect((await decide(['Patient: FARADAY-NWOSU, S J   DOB: 06/02/1950   MRN: 4000001'], idx)).decision).toBe('needs_review')
    // A twin whose MRN is one slip from the one printed: a look-alike still.
    const slip = new MemoryPatientIndex([p('4000001', 'Roderick', 'J', '1950-06-02'), p('4000007', 'Rafael', 'J', '1950-06-02')])
    expect((await decide(['Patient: FARADAY-NWOSU, R J   DOB: 06/02/1950   MRN: 4000001'], slip)).decision).toBe('needs_review')
  })
})
