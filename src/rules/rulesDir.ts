import { existsSync } from 'node:fs'
import path from 'node:path'
import { packageRoot } from '../classify/paths.js'
import type { Config } from '../config/config.js'

/** The records lead's rules folder, or the starter set shipped with chartclerk when there is none. */
export function rulesDirOf(config: Readonly<Config>): string {
  return existsSync(config.rulesDir) ? config.rulesDir : path.join(packageRoot(), 'rules')
}
