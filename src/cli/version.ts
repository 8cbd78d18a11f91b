/** chartclerk's version, from its package.json (`chartclerk --version`). */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { packageRoot } from '../classify/paths.js'

export function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version?: string }).version ?? 'unknown'
  } catch {
    return 'unknown'
  }
}
