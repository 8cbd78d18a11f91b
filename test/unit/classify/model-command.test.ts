import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Command } from 'commander'
import { afterAll, describe, expect, it } from 'vitest'
import { registerModelCommands, UNSEEN_STYLES_DIR } from '../../../src/cli/commands/model.js'
import { ChartclerkError } from '../../../src/errors.js'
import { loadDocTypes } from '../../../src/classify/doctypes.js'
import { loadModel } from '../../../src/classify/model.js'
import { defaultModelPath } from '../../../src/classify/paths.js'
import { generateSynthetic } from '../../../src/classify/training/synthetic/index.js'

const dir = mkdtempSync(path.join(os.tmpdir(), 'model-cmd-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function jsonl(file: string, rows: { text: string; type: string }[]): string {
  writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n')
  return file
}

async function run(args: string[], deps: Parameters<typeof registerModelCommands>[1] = {}): Promise<string[]> {
  const lines: string[] = []
  const program = new Command().option('--json').exitOverride()
  registerModelCommands(program, {
    out: (l) => lines.push(l),
    progress: () => {},
    docTypes: () => loadDocTypes(),
    modelPath: () => defaultModelPath(),
    ...deps,
  })
  await program.parseAsync(['node', 'chartclerk', ...args])
  return lines
}

describe('chartclerk model eval FILE', () => {
  const file = jsonl(
    path.join(dir, 'labelled.jsonl'),
    generateSynthetic({ seed: 31337, counts: { lab_report: 4, consent_form: 4, other: 4 } }),
  )

  it('prints accuracy, the confusion matrix, the confidence distribution and the review share', async () => {
    const text = (await run(['model', 'eval', file])).join('\n')
    expect(text).toMatch(/labelled\.jsonl: 12 documents/)
    expect(text).toMatch(/accuracy \d+\.\d%/)
    expect(text).toMatch(/review threshold 0\.\d+: \d+\.\d% would go to review/)
    expect(text).toMatch(/confusion matrix/)
    expect(text).toMatch(/confidence distribution/)
    expect(text).toMatch(/0\.99-1\.00/)
  })

  it('--json prints one object with the figures', async () => {
    const lines = await run(['--json', 'model', 'eval', file, '--threshold', '0.5'])
    expect(lines).toHaveLength(1)
    const r = JSON.parse(lines[0]!) as {
      n: number
      threshold: number
      confusion: Record<string, Record<string, number>>
      buckets: unknown[]
    }
    expect(r.n).toBe(12)
    expect(r.threshold).toBe(0.5)
    expect(r.confusion.lab_report).toBeDefined()
    expect(r.buckets.length).toBeGreaterThan(3)
  })
})

describe('chartclerk model train', () => {
  it('GIVEN a labelled file and confirmed documents WHEN trained THEN a model is written that knows where it came from', async () => {
    const corpus = jsonl(path.join(dir, 'own.jsonl'), generateSynthetic({ seed: 5, counts: { progress_note: 15, discharge_summary: 15 } }))
    const confirmed = generateSynthetic({ seed: 6, counts: { lab_report: 10 } })
    const out = path.join(dir, 'retrained.json')
    const lines = await run(['model', 'train', '--corpus', corpus, '--out', out, '--seed', '3'], {
      extraExamples: () => confirmed,
      trainOptions: {
        syntheticCounts: { other: 10, consent_form: 10 },
        epochs: 2,
        maxFeatures: 2000,
        targetPerType: 15,
        evaluate: false,
        refit: false,
        calibrationFiles: [],
      },
      guardFile: () => null,
      lookedAtSets: () => [],
    })
    expect(lines[0]).toMatch(/^wrote .*retrained\.json/)
    expect(existsSync(out)).toBe(true)
    const m = loadModel(out)
    expect(m.metadata.sources).toEqual([
      expect.objectContaining({ file: 'own.jsonl', counts: { discharge_summary: 15, progress_note: 15 } }),
    ])
    expect(m.metadata.extraExamples.count).toBe(10)
    expect(m.classes).toEqual(expect.arrayContaining(['lab_report', 'progress_note', 'other']))
    expect(m.metadata.options.seed).toBe(3)
  })

  it('GIVEN a retrained model that does worse than the one in use on the style-disjoint set THEN it is refused, said why, and not saved', async () => {
    const corpus = jsonl(path.join(dir, 'thin.jsonl'), generateSynthetic({ seed: 8, counts: { progress_note: 10, discharge_summary: 10 } }))
    // A few documents of the shipped style-disjoint set, so the comparison is quick.
    const guard = path.join(dir, 'guard.jsonl')
    const rows = readFileSync(path.join(UNSEEN_STYLES_DIR(), 'eval.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .filter((_, i) => i % 12 === 0)
    writeFileSync(guard, rows.join('\n') + '\n')
    const out = path.join(dir, 'worse.json')
    const err = await run(['model', 'train', '--corpus', corpus, '--out', out, '--guard', guard], {
      trainOptions: {
        syntheticCounts: { other: 5 },
        epochs: 1,
        maxFeatures: 500,
        targetPerType: 5,
        evaluate: false,
        refit: false,
        calibrationFiles: [],
      },
      lookedAtSets: () => [],
    }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ChartclerkError)
    expect((err as ChartclerkError).code).toBe('MODEL_REFUSED')
    expect((err as ChartclerkError).action).toMatch(
      /not saved: on guard\.jsonl it does worse than the model in use \(.*right, was|accuracy falls/,
    )
    expect(existsSync(out)).toBe(false)
  })

  describe('the hand-written sets of outside records', () => {
    const hand = [
      {
        name: 'hand-a',
        file: jsonl(path.join(dir, 'hand-a-eval.jsonl'), generateSynthetic({ seed: 11, counts: { lab_report: 6, other: 6 } })),
      },
      {
        name: 'hand-b',
        file: jsonl(path.join(dir, 'hand-b-eval.jsonl'), generateSynthetic({ seed: 12, counts: { lab_report: 6, other: 6 } })),
      },
    ]
    const options = {
      syntheticCounts: { other: 10, lab_report: 10 },
      epochs: 2,
      maxFeatures: 2000,
      targetPerType: 10,
      evaluate: false,
      refit: false,
      calibrationFiles: [],
    }
    const progress: string[] = []
    const train = (out: string, ...flags: string[]): Promise<string[]> =>
      run(['model', 'train', '--out', out, '--seed', '3', ...flags], {
        trainOptions: options,
        guardFile: () => null,
        lookedAtSets: () => hand,
        progress: (l) => progress.push(l),
      })

    it('GIVEN the looked-at sets WHEN trained THEN every one of their documents is trained on (none held out) and no style bias is fitted on them', async () => {
      const out = path.join(dir, 'with-sets.json')
      await train(out)
      const m = loadModel(out)
      expect(m.metadata.sources).toEqual([
        expect.objectContaining({ file: 'hand-a-eval.jsonl', trainedOn: 12, heldOut: 0 }),
        expect.objectContaining({ file: 'hand-b-eval.jsonl', trainedOn: 12, heldOut: 0 }),
      ])
      expect(m.metadata.styleBiases).toBeUndefined()
    })

    it('GIVEN --no-looked-at-sets WHEN trained THEN the sets are not trained on and fit the style biases, as the shipped model had them', async () => {
      progress.length = 0
      const out = path.join(dir, 'biased.json')
      await train(out, '--no-looked-at-sets')
      const m = loadModel(out)
      expect(m.metadata.sources).toEqual([])
      const said = progress.find((l) => /style biases/.test(l))
      if (m.metadata.styleBiases) {
        expect(m.metadata.styleBiases.sets).toEqual(['hand-a', 'hand-b', 'calibration.jsonl'])
        expect(Object.keys(m.metadata.styleBiases.biases).sort()).toEqual([...m.classes].sort())
      } else expect(said).toMatch(/no style biases/)
    })
  })
})

describe('chartclerk model info', () => {
  it('GIVEN per-type thresholds on both sides of the review threshold THEN each is listed as what it is, lower or higher', async () => {
    const m = JSON.parse(readFileSync(defaultModelPath(), 'utf8')) as { reviewThreshold: number; typeThresholds?: Record<string, number> }
    m.reviewThreshold = 0.95
    m.typeThresholds = { lab_report: 0.9, consult_note: 0.99 }
    const file = path.join(dir, 'thresholds-model.json')
    writeFileSync(file, JSON.stringify(m))
    const text = (await run(['model', 'info', '--model', file])).join('\n')
    expect(text).toMatch(/lower thresholds where calibration showed no error: lab_report 0\.9$/m)
    expect(text).toMatch(/higher thresholds where calibration showed another type taken for it with confidence: consult_note 0\.99$/m)
  })
})
