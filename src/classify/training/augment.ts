/**
 * Makes a training text look like an outside record as it reaches the desk: reflowed
 * sections, letterhead, fax banner, patient block, a heading or none, signature block,
 * page footers, OCR noise, truncation to a short first page.
 */
import type { Rng } from '../rng.js'
import { faxHeader, letterhead, pageFooter, patientBlock, signatureBlock } from './synthetic/pools.js'

export interface AugmentOptions {
  /** Heading to put on top (chosen by the caller from the type's titles), or null for none. */
  heading: string | null
  /** 0 = no OCR noise; 0.01..0.08 typical. */
  noise: number
  /** Keep at most this many characters of the body (a short document), or null. */
  truncateTo: number | null
  dress: boolean
  /** Remove the first heading-like line (as if the title was cut off or absent). */
  dropTitle: boolean
  /** Wrap long lines the way a scanned page comes back from OCR. */
  wrap?: boolean
  /** Write the body in another house style first (see restyle). */
  restyle?: boolean
}

/** "HISTORY:,  text.,EXAM:, text" (the corpus's flattened layout) -> one section per line. */
export function reflowSections(text: string): string {
  return text
    .replace(/,\s*([A-Z][A-Z0-9 /&()'-]{2,60}:)\s*,?\s*/g, '\n$1 ')
    .replace(/^\s*([A-Z][A-Z0-9 /&()'-]{2,60}:)\s*,\s*/g, '$1 ')
    .replace(/\.,(?=\S)/g, '.\n')
    .replace(/[ \t]+\n/g, '\n')
}

const CONFUSIONS: [RegExp, string][] = [
  [/l/g, '1'],
  [/I/g, 'l'],
  [/O/g, '0'],
  [/o/g, '0'],
  [/m/g, 'rn'],
  [/e/g, 'c'],
  [/i/g, 'l'],
  [/S/g, '5'],
  [/B/g, '8'],
  [/h/g, 'b'],
  [/n/g, 'ri'],
  [/t/g, 'f'],
  [/a/g, 'e'],
  [/u/g, 'v'],
  [/w/g, 'vv'],
  [/d/g, 'cl'],
]
const SPECKS = ['°', '~', '.', ',', "'", '`', '*', '•', '_', '-', '^', ':', '¦']

/** OCR-style damage at rate `p` (share of words touched). */
export function ocrNoise(text: string, r: Rng, p: number): string {
  const lines = text.split('\n')
  const out: string[] = []
  for (const line of lines) {
    if (line.trim() && r.chance(p * 0.6)) continue // dropped line
    const words = line.split(/(\s+)/)
    for (let i = 0; i < words.length; i++) {
      let w = words[i]!
      if (!w.trim()) {
        if (r.chance(p * 0.3)) words[i] = '' // two words run together
        continue
      }
      if (r.chance(p)) {
        const [re, rep] = r.pick(CONFUSIONS)
        const hits = [...w.matchAll(new RegExp(re.source, 'g'))]
        if (hits.length) {
          const h = r.pick(hits)
          w = w.slice(0, h.index) + rep + w.slice((h.index ?? 0) + h[0].length)
        }
      }
      if (w.length > 4 && r.chance(p * 0.7)) {
        const k = r.int(1, w.length - 1)
        w = `${w.slice(0, k)} ${w.slice(k)}` // broken word
      }
      if (r.chance(p * 0.3)) w = w.slice(0, r.int(0, w.length - 1)) + w.slice(r.int(0, w.length)) // lost characters
      if (r.chance(p * 0.4)) w = r.chance(0.5) ? `${r.pick(SPECKS)}${w}` : `${w}${r.pick(SPECKS)}`
      words[i] = w
    }
    let l = words.join('')
    if (r.chance(p * 0.5)) l = `${l} ${r.pick(SPECKS)}${r.pick(SPECKS)}`
    out.push(l)
  }
  return out.join('\n')
}

/** Re-wraps long lines at `width` characters, as a scanned page's OCR returns them, sometimes hyphenating. */
export function wrapLines(text: string, width: number, r: Rng): string {
  const out: string[] = []
  for (const line of text.split('\n')) {
    let rest = line
    while (rest.length > width) {
      let cut = rest.lastIndexOf(' ', width)
      if (cut < width * 0.5) cut = width
      if (r.chance(0.15) && /[A-Za-z]{6}/.test(rest.slice(cut, cut + 8))) {
        const k = cut + 1 + r.int(2, 4)
        out.push(`${rest.slice(0, k)}-`)
        rest = rest.slice(k)
        continue
      }
      out.push(rest.slice(0, cut))
      rest = rest.slice(cut).trimStart()
    }
    out.push(rest)
  }
  return out.join('\n')
}

/** Removes the first short line that looks like a heading. */
export function removeTitle(text: string): string {
  const lines = text.split('\n')
  for (let i = 0; i < Math.min(lines.length, 25); i++) {
    const l = lines[i]!.trim()
    if (l.length > 2 && l.length < 70 && /[A-Za-z]/.test(l) && l === l.toUpperCase() && !/:/.test(l)) {
      lines.splice(i, 1)
      return lines.join('\n')
    }
  }
  return text
}

export function truncate(text: string, n: number): string {
  if (text.length <= n) return text
  const cut = text.lastIndexOf(' ', n)
  return text.slice(0, cut > n * 0.7 ? cut : n)
}

export function augment(text: string, r: Rng, o: AugmentOptions): string {
  let body = /,\s*[A-Z][A-Z ]{2,}:\s*,/.test(text) && r.chance(0.8) ? reflowSections(text) : text
  if (o.dropTitle) body = removeTitle(body)
  if (o.restyle) body = restyle(body, r)
  // A short document: little body text (the header and signature still come with it).
  if (o.truncateTo !== null) body = truncate(body, o.truncateTo)
  const head: string[] = []
  const tail: string[] = []
  if (o.dress) {
    if (r.chance(0.15)) head.push(faxHeader(r))
    if (r.chance(0.65)) head.push(letterhead(r))
    const headingFirst = r.chance(0.5)
    if (o.heading && headingFirst) head.push(styleHeading(o.heading, r))
    if (r.chance(0.7)) head.push(patientBlock(r))
    if (o.heading && !headingFirst) head.push(styleHeading(o.heading, r))
    if (r.chance(0.55)) tail.push(signatureBlock(r))
    if (r.chance(0.3)) tail.push(pageFooter(r))
  } else if (o.heading) {
    head.push(styleHeading(o.heading, r))
  }
  let doc = [...head, body, ...tail].join(r.pick(['\n\n', '\n', '\n\n\n']))
  if (o.wrap) doc = wrapLines(doc, r.int(60, 110), r)
  if (r.chance(0.06)) doc = doc.toUpperCase()
  if (o.noise > 0) doc = ocrNoise(doc, r, o.noise)
  return doc
}

/** A heading on a line of its own: capitals, an optional colon, nothing after it. */
const OWN_LINE_HEADING = /^\s*[A-Z][A-Z0-9 /&()'-]{2,50}:?\s*$/
/** A label that opens its line before the text: "HPI: 54-year-old ...", "Plan: ...". */
const RUN_IN_HEADING = /^(\s*)([A-Z][A-Za-z0-9 /&()'-]{1,40}?)\s*:[ \t]*/

/**
 * The same note in another hospital's house style, so the model learns what the sections say
 * rather than how one template lays them out: the sections after the first in another order
 * (sometimes), the headings written another way (dropped, lower case, Title Case or kept), and
 * sometimes the lines run together into paragraphs. The words of each section are kept.
 */
export function restyle(text: string, r: Rng): string {
  const lines = text.split('\n')
  const isHeading = (l: string): boolean => OWN_LINE_HEADING.test(l) || RUN_IN_HEADING.test(l)
  // Sections: a block starts at each heading line; the lines before the first stay on top.
  const blocks: string[][] = [[]]
  for (const l of lines) {
    if (isHeading(l) && blocks[blocks.length - 1]!.length > 0) blocks.push([])
    blocks[blocks.length - 1]!.push(l)
  }
  if (blocks.length > 3 && r.chance(0.5)) {
    const rest = blocks.slice(1)
    r.shuffle(rest)
    blocks.splice(1, rest.length, ...rest)
  }
  const how = r.pick(['drop', 'drop', 'lower', 'title', 'keep'] as const)
  const dropShare = 0.4 + r.next() * 0.6
  const rewrite = (h: string): string =>
    how === 'lower' ? h.toLowerCase() : how === 'title' ? h.toLowerCase().replace(/\b[a-z]/g, (c) => c.toUpperCase()) : h
  const out: string[] = []
  for (const l of blocks.flat()) {
    if (OWN_LINE_HEADING.test(l)) {
      if (how === 'drop' && r.chance(dropShare)) continue
      out.push(rewrite(l))
      continue
    }
    const m = RUN_IN_HEADING.exec(l)
    if (m) {
      const body = l.slice(m[0].length)
      if (how === 'drop' && r.chance(dropShare)) out.push(`${m[1]}${body}`)
      else out.push(`${m[1]}${rewrite(m[2]!)}: ${body}`)
      continue
    }
    out.push(l)
  }
  if (!r.chance(0.3)) return out.join('\n')
  // Run the lines together into a few paragraphs, as a dictated note or a reflowed scan reads.
  const paras: string[] = []
  let cur: string[] = []
  for (const l of out) {
    if (l.trim()) cur.push(l.trim())
    if ((!l.trim() || r.chance(0.08)) && cur.length) {
      paras.push(cur.join(' '))
      cur = []
    }
  }
  if (cur.length) paras.push(cur.join(' '))
  return paras.join('\n')
}

export function styleHeading(h: string, r: Rng): string {
  const t = r.pick([
    h.toUpperCase(),
    h.toUpperCase(),
    h.replace(/\b[a-z]/g, (c) => c.toUpperCase()),
    h
      .toUpperCase()
      .split('')
      .join(r.chance(0.1) ? ' ' : ''),
  ])
  return r.chance(0.2) ? `${' '.repeat(r.int(4, 20))}${t}` : t
}

/** Random augmentation settings in the mix used for training and for the robustness sets. */
export function randomAugment(r: Rng, titles: readonly string[]): AugmentOptions {
  return {
    heading: titles.length > 0 && r.chance(0.45) ? r.pick(titles) : null,
    noise: r.chance(0.45) ? 0.01 + r.next() * 0.07 : 0,
    truncateTo: r.chance(0.25) ? r.int(150, 1200) : null,
    dress: r.chance(0.75),
    dropTitle: r.chance(0.2),
    wrap: r.chance(0.5),
  }
}
