/**
 * The contract of a pipeline stage. Stages run in the order of the STAGES array
 * (src/ingest/pipeline.ts); each either lets the job continue or halts it with a
 * reason. Errors are thrown as ChartclerkError; the runner catches them in one place.
 */
import type { Catalog } from '../../catalog/db.js'
import type { SqlCatalog } from '../../catalog/sql/open.js'
import type { Clock } from '../../clock/clock.js'
import type { Config } from '../../config/config.js'
import type { DocumentRecord } from '../../catalog/documents.js'
import type { OcrEngine } from '../../extract/ocr/types.js'
import type { PdfFacts } from '../../extract/extractText.js'
import type { DocumentKind } from '../../extract/sniff.js'
import type { Logger } from '../../log.js'
import type { ExtractedText } from '../../model/types.js'
import type { ObjectStore } from '../../storage/objectStore.js'
import type { ArchiveAwareStore } from '../../storage/archiveAwareStore.js'
import type { ContentLocks } from '../contentLocks.js'
import type { DoctypeClassifier, Classification } from '../../classify/classifier.js'
import type { MatchResult } from '../../patients/match.js'
import type { FieldExtraction } from '../../extract-fields/types.js'
import type { RuleSet } from '../../rules/types.js'
import type { RulesInForce } from '../../rules/inForce.js'

export type StageName = 'inspect' | 'hash' | 'dedupe' | 'store-original' | 'record' | 'extract' | 'index' | 'settle' | (string & {})

export interface Job {
  id: string
  mode: 'watch' | 'ingest'
  /** Where the file was found (inbox path, or the path given to `ingest`). */
  sourcePath: string
  /** The local copy that stages read: `ingest`'s copy in the work area, or a worker's copy of the stored original. */
  workPath: string
  originalName: string
  sourceFolder: string
  receivedAt: string
  /** The site whose watcher received the file (recorded on the receipt). */
  site?: string
  kind?: DocumentKind
  contentType?: string
  pageCount?: number
  /** A PDF's text layer and images as inspect read them (extract does not read the file again). */
  pdfFacts?: PdfFacts
  size?: number
  sha256?: string
  /** The original is in the object store under originals/<sha256>, whole (a worker's job: stored by its watcher, checked on the way in). */
  stored?: boolean
  documentId?: number
  /** The catalog record when this content was seen before. */
  existing?: DocumentRecord
  /** This job resumes an earlier run of the same claim (after a crash). */
  resumed?: boolean
  extracted?: ExtractedText
  classification?: Classification
  match?: MatchResult
  fields?: FieldExtraction
  /** What the document ends as. */
  status?: 'filed' | 'needs_review' | 'duplicate'
  reviewReasons?: string[]
  /** How the file's pages divide into documents (set for every file of more than one page). */
  splitPlan?: import('../../split/boundaries.js').SplitPlan
  /** The documents a stack became (a file holding several documents). */
  parts?: import('../../split/fileParts.js').PartOutcome[]
  /** Some parts of the stack were filed (`parts`) and the rest waits in review on the stack's own row (`documentId`). */
  splitWaiting?: boolean
  /** Held from dedupe to the end of the run: no other job works on the same content meanwhile. */
  releaseContent?: () => void
}

export interface StageContext {
  config: Readonly<Config>
  catalog: Catalog
  /** The catalog through the query builder (the same SQLite file, or PostgreSQL): where deficiencies are. */
  sql: SqlCatalog
  store: ObjectStore
  /** The main store and the archive of inactive charts as one (a filed document brings its chart back). */
  storeWithArchive: ArchiveAwareStore
  ocr: OcrEngine
  log: Logger
  contentLocks: ContentLocks
  classifier: DoctypeClassifier
  /** The rule set in force (hot-reloaded under `start`); null when none could be loaded. */
  rules: () => RuleSet | null
  /** Every kind of rule file in force (routing rules among them), each at its last good version. */
  ruleFiles: Pick<RulesInForce, 'routingRules'>
  /** The clinic's clock: when a document is received, the day its fields are read as of. */
  clock: Clock
}

export type StageOutcome = { kind: 'continue' } | { kind: 'halt'; reason: 'duplicate' | 'already-complete' | 'split' | 'split-review' }

export interface Stage {
  readonly name: StageName
  appliesTo?(job: Job): boolean
  run(job: Job, ctx: StageContext): Promise<StageOutcome>
}

export const CONTINUE: StageOutcome = { kind: 'continue' }
