/**
 * Document-type classification: what kind of outside record a text is, how sure we are,
 * and why.
 *
 * @example
 *   import { classify } from './classify/index.js'
 *   const r = classify(extracted.fullText)
 *   // { type: 'lab_report', confidence: 0.998, alternatives: [...], reasons: [...], needsReview: false }
 */
import { loadDefaultClassifier, type Classification, type DoctypeClassifier } from './classifier.js'

export { DoctypeClassifier, loadDefaultClassifier, type Classification, type ClassifierOptions, type TypeConfidence } from './classifier.js'
export {
  checkDocTypes,
  loadDocTypes,
  formatProblem,
  DocTypeFilesError,
  type DocTypeSet,
  type DocTypeDef,
  type DocTypeField,
  type DocTypeProblem,
} from './doctypes.js'
export { loadModel, saveModel, type DoctypeModel, type ModelMetadata } from './model.js'
export { evaluatePredictions, formatReport, type EvalReport } from './evaluate.js'
export { defaultDocTypesDir, defaultModelPath, resolveModelPath } from './paths.js'

let shared: DoctypeClassifier | undefined

/** Classifies with the shipped model and type files (loaded once, on first use). */
export function classify(text: string): Classification {
  shared ??= loadDefaultClassifier()
  return shared.classify(text)
}
