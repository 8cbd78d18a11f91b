/**
 * Where a scanned page's preparation time goes, step by step: `tsx bench/prep-times.ts [N]`
 * decodes N of the benchmark's scanned pages and times each measuring and cleaning step of
 * `prepareForOcr` on them (one page at a time), then the whole of it, in CPU milliseconds.
 */
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { skewEstimate } from '../src/extract/deskew.js'
import { decodePage, prepareForOcr } from '../src/extract/images.js'
import { flattenBackground, isBilevel, measureInk, removeEdgeShadow, removeSpecks } from '../src/extract/pageAnalysis.js'
import { removeRules } from '../src/extract/rules.js'
import sharp from 'sharp'
import { benchPages } from './pages.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const n = Number(process.argv[2] ?? 8)
const pages = await benchPages(path.join(ROOT, '.bench-cache', 'scans'), n)
// CPU time of the process (every thread, libvips's too): what a shared, loaded machine bends least.
const times = new Map<string, number>()
const time = async <T>(name: string, f: () => T | Promise<T>): Promise<T> => {
  const c0 = process.cpuUsage()
  try {
    return await f()
  } finally {
    const c = process.cpuUsage(c0)
    times.set(name, (times.get(name) ?? 0) + (c.user + c.system) / 1000)
  }
}
for (const p of pages) {
  const grey = await time('decode', () => decodePage(p.png, 'png', 1, { maxPixels: 1e9 }))
  await time('isBilevel', () => isBilevel(grey))
  const flat = await time('flattenBackground', () => flattenBackground(grey))
  const m = await time('measureInk', () => measureInk(flat.page))
  await time('removeEdgeShadow', () => removeEdgeShadow(flat.page, m.textHeight))
  await time('removeSpecks', () => removeSpecks(flat.page, Math.max(2, Math.floor(m.textHeight * 0.15))))
  await time('skewEstimate', () => skewEstimate(flat.page))
  await time('removeRules', () => removeRules(flat.page, { textHeight: m.textHeight }))
  const raw = () => sharp(grey.data, { raw: { width: grey.width, height: grey.height, channels: 1 } })
  await time('rotate 1.5 (sharp)', () => raw().rotate(-1.5, { background: '#ffffff' }).greyscale().raw().toBuffer())
  await time('blur 0.7 (sharp)', () => raw().blur(0.7).greyscale().raw().toBuffer())
  await time('prepareForOcr (all)', () => prepareForOcr(grey, { deskew: true }))
}
console.log(
  `${pages.length} pages, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
)
console.log('step                 CPU ms/page')
for (const [k, v] of times) console.log(`${k.padEnd(20)} ${(v / pages.length).toFixed(1).padStart(8)}`)
