/**
 * The hand-written sets of outside records the team has looked at (eval/independent, -2 ... -7):
 * each written by hand in senders' styles no generator writes, and each already measured. The
 * shipped model trains on them in full (TrainOptions.trainSets in training/train.ts); what that does on writing it
 * never saw is measured by leaving one set out at a time (bench/set-folds.ts). Only the sets named
 * here are read: a set still being written blind (eval/independent-8 and on) never is.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { packageRoot } from './paths.js'

export const LOOKED_AT_SETS = [
  'independent',
  'independent-2',
  'independent-3',
  'independent-4',
  'independent-5',
  'independent-6',
  'independent-7',
] as const

/**
 * Dressed copies of each of their documents besides the document as it is (a set's 13 types at
 * 4-16 documents each give about 250-400 training texts per type from the seven sets together, as
 * many as the corpus's augmented rows of a type). Chosen by bench/set-folds.ts (models/README.md).
 */
export const LOOKED_AT_COPIES = 4

/** The labelled file of a looked-at set. */
export function lookedAtFile(name: (typeof LOOKED_AT_SETS)[number], root = packageRoot()): string {
  return path.join(root, 'eval', name, `${name}-eval.jsonl`)
}

/** The looked-at sets present under `root`, as training sets (those missing, as in an install without eval/, are left out). */
export function lookedAtTrainSets(root = packageRoot(), copies = LOOKED_AT_COPIES): { file: string; copies: number }[] {
  return LOOKED_AT_SETS.map((s) => lookedAtFile(s, root))
    .filter((f) => existsSync(f))
    .map((file) => ({ file, copies }))
}
