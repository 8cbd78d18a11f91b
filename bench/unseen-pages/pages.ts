/**
 * The unseen reading set: pages no chartclerk tuning step has looked at, each a made-up record
 * in one house style (content.ts), printed by Chromium and scanned along one scan path
 * (degrade.ts). Kept under .bench-cache/ so every reader reads the very same files; the
 * generator is committed, never the images.
 */
import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { HOUSE_STYLES, makeContent, Rand, type HouseStyle } from './content.js'
import { scanPage, SCAN_PATHS, TILTED, type ScanPath } from './degrade.js'
import { openPrinter, type Printer } from './render.js'

export interface UnseenPage {
  /** The scan path: the style the tables group by. */
  style: ScanPath
  house: HouseStyle
  png: string
  truth: string
  detail: string
}

/** Which house style the `i`-th page of a scan path carries: each path sees a spread of them. */
export function houseFor(pathIndex: number, i: number, perStyle: number): HouseStyle {
  return HOUSE_STYLES[(pathIndex * perStyle + i) % HOUSE_STYLES.length]!
}

export async function unseenPages(dir: string, perStyle = 5, styles: readonly ScanPath[] = SCAN_PATHS): Promise<UnseenPage[]> {
  await fs.mkdir(dir, { recursive: true })
  let printer: Printer | null = null
  const out: UnseenPage[] = []
  try {
    for (const style of styles) {
      const pi = SCAN_PATHS.indexOf(style)
      for (let i = 0; i < perStyle; i++) {
        const house = houseFor(pi, i, perStyle)
        const base = path.join(dir, `${style}-${i}-${house}`)
        const meta = `${base}.json`
        if (!existsSync(`${base}.png`) || !existsSync(meta)) {
          const seed = `${style}:${i}`
          const r = new Rand(`scan:${seed}`)
          const tilt = TILTED.includes(style) ? r.float(0.3, 1.4) * (r.chance(0.5) ? 1 : -1) : 0
          const content = makeContent(house, seed, { tilt })
          printer ??= await openPrinter()
          const pdf = await printer.print(content.html)
          const scan = await scanPage(pdf, style, r)
          await fs.writeFile(`${base}.pdf`, pdf)
          await fs.writeFile(`${base}.png`, scan.png)
          await fs.writeFile(
            meta,
            JSON.stringify({ style, house, tilt: Math.round(tilt * 100) / 100, detail: scan.detail, truth: content.truth }, null, 2),
          )
          process.stderr.write(`unseen pages: ${path.basename(base)} (${scan.detail})\n`)
        }
        const m = JSON.parse(await fs.readFile(meta, 'utf8')) as { truth: string; detail: string }
        out.push({ style, house, png: `${base}.png`, truth: m.truth, detail: m.detail })
      }
    }
  } finally {
    if (printer) await (printer as Printer).close()
  }
  return out
}
