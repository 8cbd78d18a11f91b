/** Where the files that ship with chartclerk (rules/, models/) live, from source or from dist/. */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

let root: string | undefined

/** The folder holding chartclerk's package.json (works from src/ under tsx and from dist/src/). */
export function packageRoot(): string {
  if (root) return root
  let dir = path.dirname(fileURLToPath(import.meta.url))
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'rules'))) return (root = dir)
    const up = path.dirname(dir)
    if (up === dir) return (root = process.cwd())
    dir = up
  }
}

export const defaultDocTypesDir = (): string => path.join(packageRoot(), 'rules', 'doctypes')
export const defaultModelPath = (): string => path.join(packageRoot(), 'models', 'doctype-model.json')

/** The model a deployment uses: its own retrained one under the data folder if present, else the shipped one. */
export function resolveModelPath(dataDir: string): string {
  const own = path.join(dataDir, 'models', 'doctype-model.json')
  return existsSync(own) ? own : defaultModelPath()
}
