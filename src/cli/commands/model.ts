/**
 * `chartclerk model train [--corpus FILE...] [--extra FILE...] [--out FILE]`,
 * `chartclerk model eval FILE [--model FILE] [--threshold X]` and `chartclerk model info`.
 *
 * train: retrains the document-type model from labelled JSONL files ({text, type} a line),
 *   the built-in synthetic documents, and the extra examples the deps supply (the documents
 *   people confirmed or corrected). A fixed share of every source is held out and the
 *   figures on it are printed and stored in the model's metadata.
 * eval: accuracy, confusion matrix, confidence distribution and the share that would go to
 *   review at the review threshold, on a labelled JSONL file.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Command } from 'commander'
import { DoctypeClassifier } from '../../classify/classifier.js'
import { loadDocTypes, type DocTypeSet } from '../../classify/doctypes.js'
import { evaluatePredictions, formatReport, regressions, type EvalReport } from '../../classify/evaluate.js'
import { readLabelledJsonl } from '../../classify/jsonl.js'
import { loadModel, saveModel } from '../../classify/model.js'
import { defaultDocTypesDir, packageRoot, resolveModelPath } from '../../classify/paths.js'
import { LOOKED_AT_COPIES, LOOKED_AT_SETS, lookedAtFile } from '../../classify/lookedAtSets.js'

export { resolveModelPath }
// The trainer and its synthetic-document generator load only when `model train` runs.
import type { TrainOptions } from '../../classify/training/train.js'
import { ChartclerkError } from '../../errors.js'
import { configFrom, globalOptions } from '../context.js'

export interface ModelCommandDeps {
  /** Where output lines go (default stdout). */
  out?: (line: string) => void
  /** Progress lines (default stderr). */
  progress?: (line: string) => void
  /** Document types to train and classify with (default: <rulesDir>/doctypes if present, else the shipped ones). */
  docTypes?: (cmd: Command) => DocTypeSet
  /** Labelled documents people confirmed or corrected (default: none). */
  extraExamples?: (cmd: Command) => Promise<{ text: string; type: string }[]> | { text: string; type: string }[]
  /** Model file `train` writes and `eval` reads when not given (default: <dataDir>/models/doctype-model.json for train; for eval that file if present, else the shipped model). */
  modelPath?: (cmd: Command, purpose: 'train' | 'eval') => string
  /** Training settings (tests use small ones). */
  trainOptions?: Partial<TrainOptions>
  /**
   * The labelled file a retrained model must not do worse on than the model in use, or null for
   * none (default: the shipped style-disjoint set, training/unseen-styles/eval.jsonl).
   */
  guardFile?: (cmd: Command) => string | null
  /**
   * The hand-written sets of outside records `train` learns from (default: the looked-at sets
   * shipped under eval/, see src/classify/lookedAtSets.ts). With --no-looked-at-sets they
   * fit the style biases instead.
   */
  lookedAtSets?: (cmd: Command) => { name: string; file: string }[]
}

/** The shipped style-disjoint sets: house styles no training document uses. */
export const UNSEEN_STYLES_DIR = (): string => path.join(packageRoot(), 'training', 'unseen-styles')
const shipped = (name: string): string | null => {
  const f = path.join(UNSEEN_STYLES_DIR(), name)
  return existsSync(f) ? f : null
}

function evaluateOn(clf: DoctypeClassifier, file: string): EvalReport {
  const preds = readLabelledJsonl(file).rows.map((r) => {
    const c = clf.classify(r.text)
    return { truth: r.type, predicted: c.type, confidence: c.confidence, needsReview: c.needsReview }
  })
  return evaluatePredictions(preds, clf.reviewThreshold)
}

function docTypesFor(cmd: Command): DocTypeSet {
  const dir = path.join(configFrom(cmd).rulesDir, 'doctypes')
  return loadDocTypes(existsSync(dir) ? dir : defaultDocTypesDir())
}

const collect = (v: string, prev: string[]): string[] => [...prev, v]
const defaultLookedAtSets = (): { name: string; file: string }[] =>
  LOOKED_AT_SETS.map((name) => ({ name, file: lookedAtFile(name) })).filter((s) => existsSync(s.file))
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`

export function registerModelCommands(program: Command, deps: ModelCommandDeps = {}): Command {
  const out = deps.out ?? ((line: string) => void process.stdout.write(`${line}\n`))
  const progress = deps.progress ?? ((line: string) => void process.stderr.write(`${line}\n`))
  const docTypes = deps.docTypes ?? docTypesFor
  const modelPath =
    deps.modelPath ??
    ((cmd: Command, purpose: 'train' | 'eval') => {
      const dataDir = configFrom(cmd).dataDir
      return purpose === 'train' ? path.join(dataDir, 'models', 'doctype-model.json') : resolveModelPath(dataDir)
    })

  const model = program.command('model').description('The document-type classifier: retrain it, measure it')

  model
    .command('train')
    .description('Retrain the document-type model from labelled JSONL files, the built-in synthetic documents and confirmed documents')
    .option('--corpus <file>', 'labelled JSONL file ({"text", "type"} a line); repeatable', collect, [] as string[])
    .option(
      '--extra <file>',
      'more labelled JSONL examples, split and weighted like confirmed documents; repeatable',
      collect,
      [] as string[],
    )
    .option('--out <file>', 'where to write the model (default: <data>/models/doctype-model.json)')
    .option('--seed <n>', 'random seed (same inputs and seed give the same model)')
    .option(
      '--guard <file>',
      'labelled JSONL the new model must not do worse on than the model in use (default: the shipped style-disjoint set)',
    )
    .option(
      '--calibration <file>',
      'labelled JSONL in unseen house styles to calibrate confidence on (default: the shipped one); repeatable',
      collect,
      [] as string[],
    )
    .option(
      '--no-looked-at-sets',
      "train without the shipped hand-written outside records (eval/); they fit one bias per type on the model's confidence instead",
    )
    .option('--quiet', 'no progress lines')
    .action(
      async (
        o: {
          corpus: string[]
          extra: string[]
          out?: string
          seed?: string
          quiet?: boolean
          guard?: string
          calibration: string[]
          lookedAtSets: boolean
        },
        cmd: Command,
      ) => {
        const json = !!globalOptions(cmd).json
        const seed = o.seed === undefined ? undefined : Number(o.seed)
        if (seed !== undefined && !Number.isInteger(seed)) throw new ChartclerkError('USAGE', '--seed must be a whole number.')
        const extra = [
          ...(await (deps.extraExamples?.(cmd) ?? [])),
          ...o.extra.flatMap((f) => readLabelledJsonl(f).rows.map((r) => ({ text: r.text, type: r.type }))),
        ]
        const outFile = o.out ?? modelPath(cmd, 'train')
        const types = docTypes(cmd)
        const calibration = o.calibration.length ? o.calibration : [shipped('calibration.jsonl')].filter((f): f is string => !!f)
        const { trainDoctypeModel, heldOutCorpus } = await import('../../classify/training/train.js')
        const { calibrateStyleBiases } = await import('../../classify/training/styleBiases.js')
        const handSets = (deps.lookedAtSets ?? defaultLookedAtSets)(cmd)
        const { model: unbiased, reports } = trainDoctypeModel({
          corpusFiles: o.corpus,
          extraExamples: extra,
          calibrationFiles: calibration,
          docTypes: types,
          trainSets: o.lookedAtSets ? handSets.map((s) => ({ file: s.file, copies: LOOKED_AT_COPIES })) : [],
          ...deps.trainOptions,
          ...(seed === undefined ? {} : { seed }),
          log: o.quiet || json ? undefined : progress,
        })
        // Hand-written sets the model did not learn from fit one bias per type (as the shipped
        // model's were, training/calibrate-styles.ts), each its own fold with the corpus's held-back share.
        let trained = unbiased
        const trainedOn = new Set(unbiased.metadata.sources.map((s) => s.file))
        const untrained = handSets.filter((s) => !trainedOn.has(path.basename(s.file)))
        if (untrained.length) {
          const rows = (f: string): { text: string; type: string }[] => readLabelledJsonl(f).rows
          const fifth = heldOutCorpus(o.corpus)
          const styled = calibrateStyleBiases(
            unbiased,
            (m) => new DoctypeClassifier(m, types),
            [
              ...untrained.map((s) => ({ name: s.name, rows: rows(s.file) })),
              ...(fifth.length ? [{ name: 'corpus fifth', rows: fifth }] : []),
            ],
            calibration.map((f) => ({ name: path.basename(f), rows: rows(f) })),
          )
          trained = styled.model
          if (!json && !o.quiet)
            progress(
              styled.record
                ? `style biases (L2 ${styled.record.l2}) fitted on ${styled.record.sets.join(', ')}`
                : 'no style biases: every pull filed more wrong types on a held-out set',
            )
        }
        // A retrain must never make the types the current model knows worse: compare both on the guard set.
        const guard = o.guard ?? (deps.guardFile ? deps.guardFile(cmd) : shipped('eval.jsonl'))
        if (guard) {
          const currentFile = modelPath(cmd, 'eval')
          const current = loadModel(currentFile)
          const before = evaluateOn(new DoctypeClassifier(current, types), guard)
          const after = evaluateOn(new DoctypeClassifier(trained, types), guard)
          reports.guard = after
          const worse = regressions(before, after, current.classes)
          if (worse.length) {
            throw new ChartclerkError(
              'MODEL_REFUSED',
              `The retrained model was not saved: on ${path.basename(guard)} it does worse than the model in use (${worse.slice(0, 4).join('; ')}${worse.length > 4 ? '; ...' : ''}). Add more confirmed examples of those types and train again; the model in use stays.`,
              { detail: 'retrained model worse on the guard set' },
            )
          }
          if (!json)
            out(
              `guard ${path.basename(guard)}: accuracy ${pct(before.accuracy)} -> ${pct(after.accuracy)}, no type worse than the model in use`,
            )
        }
        saveModel(trained, outFile)
        if (json) {
          out(
            JSON.stringify({
              type: 'model',
              file: outFile,
              reviewThreshold: trained.reviewThreshold,
              temperature: trained.temperature,
              metadata: trained.metadata,
            }),
          )
          return
        }
        out(`wrote ${outFile} (${trained.metadata.trainingDocuments} training documents, ${trained.metadata.trainingSeconds} s)`)
        out(
          `review threshold ${trained.reviewThreshold.toFixed(3)}, temperature ${trained.temperature}, signal weight ${trained.signalBeta}`,
        )
        for (const [name, r] of Object.entries(reports)) {
          out(
            `  ${name.padEnd(28)} n=${String(r.n).padStart(4)}  accuracy ${pct(r.accuracy).padStart(6)}  to review ${pct(r.reviewShare).padStart(6)}  wrong auto-classified ${r.autoErrors}  ECE ${r.ece.toFixed(3)}`,
          )
        }
      },
    )

  model
    .command('eval')
    .description('Accuracy, confusion matrix, confidence distribution and review share on a labelled JSONL file')
    .argument('<file>', 'labelled JSONL file ({"text", "type"} a line)')
    .option('--model <file>', 'model file (default: the one chartclerk uses)')
    .option('--threshold <x>', "review threshold (default: the model's)")
    .action((file: string, o: { model?: string; threshold?: string }, cmd: Command) => {
      const json = !!globalOptions(cmd).json
      const threshold = o.threshold === undefined ? undefined : Number(o.threshold)
      if (threshold !== undefined && !(threshold >= 0 && threshold <= 1))
        throw new ChartclerkError('USAGE', '--threshold must be a number from 0 to 1.')
      const clf = new DoctypeClassifier(loadModel(o.model ?? modelPath(cmd, 'eval')), docTypes(cmd), { reviewThreshold: threshold })
      const rows = readLabelledJsonl(file).rows
      const preds = rows.map((r) => {
        const c = clf.classify(r.text)
        return { truth: r.type, predicted: c.type, confidence: c.confidence, needsReview: c.needsReview }
      })
      const report: EvalReport = evaluatePredictions(preds, clf.reviewThreshold)
      if (json) out(JSON.stringify({ type: 'eval', file, ...report }))
      else out(formatReport(report, path.basename(file)))
    })

  model
    .command('info')
    .description('Where the model in use came from: training date, sources, evaluation figures')
    .option('--model <file>', 'model file (default: the one chartclerk uses)')
    .action((o: { model?: string }, cmd: Command) => {
      const file = o.model ?? modelPath(cmd, 'eval')
      const m = loadModel(file)
      if (globalOptions(cmd).json) {
        out(
          JSON.stringify({
            type: 'model',
            file,
            classes: m.classes,
            reviewThreshold: m.reviewThreshold,
            ...(m.typeThresholds ? { typeThresholds: m.typeThresholds } : {}),
            temperature: m.temperature,
            signalBeta: m.signalBeta,
            metadata: m.metadata,
          }),
        )
        return
      }
      const md = m.metadata
      out(`${file}`)
      out(
        `trained ${md.trainedAt} in ${md.trainingSeconds} s on ${md.trainingDocuments} documents; ${m.classes.length} types; vocabulary ${m.vocabulary.length}`,
      )
      for (const s of md.sources ?? [])
        out(`  source ${s.file} (sha256 ${s.sha256.slice(0, 12)}): ${s.trainedOn} trained on, ${s.heldOut} held out`)
      out(`  synthetic documents (seed ${md.synthetic?.seed}): ${Object.values(md.synthetic?.counts ?? {}).reduce((a, b) => a + b, 0)}`)
      out(`  confirmed/extra examples: ${md.extraExamples?.count ?? 0}`)
      out(`review threshold ${m.reviewThreshold}, temperature ${m.temperature}, signal weight ${m.signalBeta}`)
      // chooseTypeThresholds lowers a type's threshold where calibration showed no error and raises it above a sure mistake.
      const perType = Object.entries(m.typeThresholds ?? {})
      const listed = (l: [string, number][]) => l.map(([t, v]) => `${t} ${v}`).join(', ')
      const lower = perType.filter(([, v]) => v < m.reviewThreshold)
      const higher = perType.filter(([, v]) => v > m.reviewThreshold)
      if (lower.length) out(`  lower thresholds where calibration showed no error: ${listed(lower)}`)
      if (higher.length) out(`  higher thresholds where calibration showed another type taken for it with confidence: ${listed(higher)}`)
      if (md.styleBiases)
        out(
          `  style biases (L2 ${md.styleBiases.l2}, fitted on ${md.styleBiases.sets.join(', ')}): ${Object.entries(md.styleBiases.biases)
            .map(([t, v]) => `${t} ${v >= 0 ? '+' : ''}${v.toFixed(2)}`)
            .join(', ')}`,
        )
      for (const [name, f] of Object.entries(md.eval ?? {})) {
        out(
          `  ${name.padEnd(28)} n=${String(f.n).padStart(4)}  accuracy ${pct(f.accuracy).padStart(6)}  to review ${pct(f.reviewShare).padStart(6)}  wrong auto-classified ${f.autoErrors}${f.ece === undefined ? '' : `  ECE ${f.ece.toFixed(3)}`}`,
        )
      }
    })
  return model
}
