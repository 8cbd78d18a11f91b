/**
 * Rules benchmark: generated charts of 20 documents each, checked against the full starter rule
 * set (rules/checks). Reports charts per second, time per chart, and how the time splits between
 * Ajv's validators and everything around them (deriving facts, routing, building findings).
 *
 *   npx tsx bench/rules.ts [charts]        (default 10,000)
 *
 * All patients and documents are made up by a seeded generator.
 */
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { deriveChartFacts, type Chart, type ChartDocument, type ChartFacts } from '../src/model/chart.js'
import type { DocumentType } from '../src/model/types.js'
import { evaluate } from '../src/rules/evaluate.js'
import { defaultChecksDir, loadRuleSet } from '../src/rules/ruleset.js'
import type { RuleSet } from '../src/rules/types.js'

export interface RulesBenchResult {
  charts: number
  documentsPerChart: number
  rules: number
  rulesetVersion: string
  /** Wall-clock seconds for evaluating every chart (other processes on the machine count against it). */
  seconds: number
  /** CPU seconds this process spent on it (user + system; includes the garbage collector's threads). */
  cpuSeconds: number
  chartsPerCpuSecond: number
  chartsPerSecond: number
  microsecondsPerChart: number
  findings: number
  findingsPerChart: number
  /** Share of the time spent in Ajv's compiled validators (0..1). */
  ajvShare: number
  /** Share of the time spent outside Ajv: deriving facts, routing rules, building findings. */
  outsideAjvShare: number
  /** Share spent in deriveChartFacts alone. */
  deriveShare: number
  loadMs: number
}

/** Small seeded PRNG (mulberry32), so every run checks the same charts. */
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

const FIELDS: Partial<Record<DocumentType, Record<string, string | string[]>>> = {
  lab_report: {
    labName: 'Riverbend Reference Laboratory',
    labAddress: '400 Mill Street',
    reportDate: '2025-03-03',
    collectionDate: '2025-03-01',
    testName: 'Lipid panel',
    result: 'LDL 131 mg/dL',
    referenceRange: '< 100 mg/dL',
  },
  radiology_report: {
    facility: 'Lakeside Imaging',
    referringProvider: 'Dr. Omar Field',
    examName: 'Chest X-ray',
    examDate: '2025-03-02',
    clinicalIndication: 'Cough',
    findings: 'Clear lungs',
    impression: 'Normal',
    radiologist: 'Dr. Rosa Imaging',
  },
  discharge_summary: {
    admissionDate: '2025-02-01',
    dischargeDate: '2025-02-04',
    reasonForHospitalization: 'Pneumonia',
    significantFindings: 'RLL infiltrate',
    proceduresAndTreatment: ['IV antibiotics'],
    conditionAtDischarge: 'Stable',
    dischargeInstructions: 'Rest',
    dischargeMedications: ['Amoxicillin'],
    disposition: 'Home',
    followUpPlan: 'PCP in 7 days',
    attendingPhysician: 'Dr. Helen Ward',
  },
  consult_note: {
    consultant: 'Dr. Mina Heart',
    reasonForReferral: 'Palpitations',
    findings: 'Normal echo',
    recommendations: 'Reduce caffeine',
    followUpResponsibility: 'PCP',
  },
  immunization_record: {
    vaccine: 'Tdap',
    manufacturer: 'Example Biologics',
    lotNumber: 'TD4471B',
    dateGiven: '2025-01-14',
    administeredBy: 'Jane Nurse',
    administratorTitle: 'RN',
    administratorAddress: '12 Oak Avenue',
    visEditionDate: '2024-08-06',
    visDateGiven: '2025-01-14',
  },
  emergency_report: { visitDate: '2025-02-20', reasonForVisit: 'Fall', disposition: 'Home' },
  progress_note: { dateOfService: '2025-03-01', author: 'Dr. Lee', assessmentAndPlan: 'Continue' },
}

const TYPES: DocumentType[] = [
  'lab_report',
  'lab_report',
  'lab_report',
  'lab_report',
  'progress_note',
  'progress_note',
  'progress_note',
  'radiology_report',
  'radiology_report',
  'consult_note',
  'consult_note',
  'discharge_summary',
  'immunization_record',
  'emergency_report',
  'referral_letter',
  'consent_form',
  'operative_report',
  'history_and_physical',
  'other',
]

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)]!
}

/** One made-up chart of `docs` documents; roughly one document in six has something wrong. */
export function generateChart(i: number, docs = 20): Chart {
  const r = rng(i + 1)
  const day = (offset: number): string => new Date(Date.UTC(2025, 5, 30) - offset * 86_400_000).toISOString().slice(0, 10)
  const documents: ChartDocument[] = []
  for (let d = 0; d < docs; d++) {
    const type = pick(r, TYPES)
    const fields: Record<string, string | string[]> = { ...(FIELDS[type] ?? {}) }
    if (r() < 0.12) {
      const keys = Object.keys(fields)
      if (keys.length) delete fields[pick(r, keys)]
    }
    const dos = day(Math.floor(r() * 700))
    const stamped = r() < 0.03
    const unsigned = r() < 0.04
    documents.push({
      id: `c${i}-d${d}`,
      type,
      typeConfidence: 0.7 + r() * 0.3,
      status: 'final',
      dateOfService: r() < 0.02 ? null : dos,
      receivedAt: `${dos}T14:00:00Z`,
      signed: unsigned
        ? { present: false, by: null, date: null, kind: null }
        : { present: true, by: 'Dr. Example', date: r() < 0.03 ? null : dos, kind: stamped ? 'stamped' : 'electronic' },
      fields,
      pages: 2,
      pagesDeclared: 2,
      missingPages: r() < 0.02 ? [2] : [],
      ocrConfidence: r() < 0.5 ? null : 40 + r() * 60,
      source: 'Example Valley Hospital',
      filed: r() > 0.02,
      patientMatch: r() < 0.97 ? 'matched' : 'partial',
    })
  }
  const encounters: Chart['encounters'] = []
  if (r() < 0.2) {
    const adm = Math.floor(r() * 120)
    encounters.push({
      id: `c${i}-e1`,
      kind: 'inpatient',
      date: day(adm + 3),
      dischargeDate: day(adm),
      facility: 'Mercy General',
      documentId: null,
    })
  }
  return {
    patient: {
      mrn: `MRN${String(100000 + i)}`,
      name: { family: 'Testperson', given: `Pat${i}` },
      birthDate: '1970-05-05',
      sex: 'female',
      deceased: false,
    },
    documents,
    encounters,
    consents:
      r() < 0.9
        ? [{ kind: 'treatment', signed: true, signedDate: day(Math.floor(r() * 420)), expiresDate: null, revoked: false, documentId: null }]
        : [],
    asOf: '2025-06-30',
  }
}

/** Calls only the validators evaluate() would call, on facts derived beforehand. */
function validatorsOnly(rs: RuleSet, all: ChartFacts[]): number {
  let failures = 0
  for (const facts of all) {
    const docs = facts.documents
    const cxt = {
      instancePath: '',
      parentData: docs as unknown as Record<number, unknown>,
      parentDataProperty: 0,
      rootData: facts,
      dynamicAnchors: {},
    }
    for (let i = 0; i < docs.length; i++) {
      const rules = rs.byType.get(docs[i]!.type)
      if (!rules) continue
      cxt.parentDataProperty = i
      for (const rule of rules) if (!rule.validate(docs[i], cxt)) failures++
    }
    for (const rule of rs.chartRules)
      if (!rule.validate(facts, { instancePath: '', parentData: {}, parentDataProperty: '', rootData: facts, dynamicAnchors: {} }))
        failures++
  }
  return failures
}

export function runRulesBench(opts: { charts?: number; rulesDir?: string; documentsPerChart?: number } = {}): RulesBenchResult {
  const n = opts.charts ?? 10_000
  const per = opts.documentsPerChart ?? 20
  const t0 = performance.now()
  const rs = loadRuleSet(opts.rulesDir ?? defaultChecksDir())
  const loadMs = performance.now() - t0
  const charts = Array.from({ length: n }, (_, i) => generateChart(i, per))

  // warm up the JIT on a different set of charts
  for (let i = 0; i < 1000; i++) evaluate(rs, generateChart(n + i, per))

  let findings = 0
  const cpu0 = process.cpuUsage()
  const start = performance.now()
  for (const c of charts) findings += evaluate(rs, c).length
  const total = performance.now() - start
  const cpu = process.cpuUsage(cpu0)
  const cpuMs = (cpu.user + cpu.system) / 1000

  const d0 = performance.now()
  const facts = charts.map(deriveChartFacts)
  const derive = performance.now() - d0

  validatorsOnly(rs, facts.slice(0, 1000))
  const a0 = performance.now()
  validatorsOnly(rs, facts)
  const ajv = performance.now() - a0

  const ajvShare = Math.min(1, ajv / total)
  return {
    charts: n,
    documentsPerChart: per,
    rules: rs.rules.length,
    rulesetVersion: rs.version,
    seconds: total / 1000,
    cpuSeconds: cpuMs / 1000,
    chartsPerCpuSecond: Math.round(n / (cpuMs / 1000)),
    chartsPerSecond: Math.round(n / (total / 1000)),
    microsecondsPerChart: Math.round((total * 1000) / n),
    findings,
    findingsPerChart: Math.round((findings / n) * 100) / 100,
    ajvShare: Math.round(ajvShare * 1000) / 1000,
    outsideAjvShare: Math.round((1 - ajvShare) * 1000) / 1000,
    deriveShare: Math.round(Math.min(1, derive / total) * 1000) / 1000,
    loadMs: Math.round(loadMs),
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const charts = Number(process.argv[2] ?? 10_000)
  const r = runRulesBench({ charts })
  console.log(
    [
      `rules bench: ${r.charts} charts x ${r.documentsPerChart} documents, ${r.rules} rules (${r.rulesetVersion}), rule set loaded in ${r.loadMs} ms`,
      `  ${r.chartsPerSecond} charts/s wall clock (${r.microsecondsPerChart} µs per chart; ${r.chartsPerCpuSecond} charts per CPU second), ${r.findingsPerChart} findings per chart`,
      `  time in Ajv validators ${(r.ajvShare * 100).toFixed(1)}%, outside Ajv ${(r.outsideAjvShare * 100).toFixed(1)}% (deriving facts ${(r.deriveShare * 100).toFixed(1)}%)`,
    ].join('\n'),
  )
}
