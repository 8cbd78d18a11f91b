/**
 * The shared labelled corpus (../shared/corpus/doctype-dev.jsonl beside the repository, or one
 * level further up from a worktree), for the classifier benches. Undefined when there is none.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { packageRoot } from '../src/classify/paths.js'

export function sharedCorpusPath(): string | undefined {
  const root = packageRoot()
  return [
    path.resolve(root, '..', 'shared', 'corpus', 'doctype-dev.jsonl'),
    path.resolve(root, '..', '..', 'shared', 'corpus', 'doctype-dev.jsonl'),
  ].find((f) => existsSync(f))
}
