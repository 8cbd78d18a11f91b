/**
 * What the fourth blind set's writers share: the shape a written document takes (its pages
 * and how each page names its patient), dates and names the ways these senders print them,
 * the sheet CSS every house style sits on, and the receiving health center.
 */
import type { DocumentType } from '../../src/model/types.js'
import type { Rand } from '../split-unseen/rand.js'
import type { Person } from './people.js'

/** How a page names its patient: name and birth date (or another identifier), the name alone, or not at all. */
export type Naming = 'full' | 'name' | 'none'

export interface Sheet {
  /** The sheet's inner HTML (the house style's classes). */
  html: string
  naming: Naming
  /** A landscape page (printed wide on text stacks, turned on the sheet on scanned ones). */
  landscape?: boolean
}

export interface Written {
  writer: string
  type: DocumentType
  sender: string
  /** The sender's fax number, for cover sheets and banners. */
  fax: string
  /** A date the document carries (YYYY-MM-DD): the visit, the report, the letter. */
  date: string
  /** What the document is called on its first page. */
  title: string
  sheets: Sheet[]
  /** Later pages say "Page x of N" (or "x/N"). */
  numbered: boolean
  /** Later pages repeat the title in a running header. */
  runningTitle: boolean
}

export interface WriteCtx {
  r: Rand
  p: Person
  date: string
  /** A second person a document may mention (a spouse, an emergency contact) without being about them. */
  other?: Person
}

export type Writer = (c: WriteCtx) => Written

export const CENTER = {
  name: 'Larkspur Flats Community Health Center',
  short: 'Larkspur Flats CHC',
  street: '410 Grange Hall Rd',
  town: 'Larkspur Flats, ID 83299',
  fax: '208-555-0400',
  phone: '208-555-0390',
  clinicians: ['Naomi Whitcombe, MD', 'Ezra Pelletier, DO', 'Yolanda Brightwater, FNP-C', 'Tobias Ferreira-Lind, PA-C'],
}

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const MONTH = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const part = (ymd: string) => ymd.split('-').map(Number) as [number, number, number]
const pad = (n: number) => String(n).padStart(2, '0')

/** 03/07/1959 */
export const mdy = (ymd: string) => {
  const [y, m, d] = part(ymd)
  return `${pad(m)}/${pad(d)}/${y}`
}
/** 3/7/1959 */
export const mdyShort = (ymd: string) => {
  const [y, m, d] = part(ymd)
  return `${m}/${d}/${y}`
}
/** March 7, 1959 */
export const longDate = (ymd: string) => {
  const [y, m, d] = part(ymd)
  return `${MONTH[m - 1]} ${d}, ${y}`
}
/** 07-MAR-1959 */
export const dashMon = (ymd: string) => {
  const [y, m, d] = part(ymd)
  return `${pad(d)}-${MON[m - 1]!.toUpperCase()}-${y}`
}
/** Mar 7, 1959 */
export const monDay = (ymd: string) => {
  const [y, m, d] = part(ymd)
  return `${MON[m - 1]} ${d}, ${y}`
}
/** Every way these senders print a birth date (lower case), for the key's checks. */
export const birthForms = (ymd: string) =>
  [ymd, mdy(ymd), mdyShort(ymd), longDate(ymd), dashMon(ymd), monDay(ymd)].map((x) => x.toLowerCase())

export const addDays = (ymd: string, n: number) => {
  const t = new Date(`${ymd}T12:00:00Z`)
  t.setUTCDate(t.getUTCDate() + n)
  return t.toISOString().slice(0, 10)
}

export const ageOn = (birth: string, on: string) => {
  const [by, bm, bd] = part(birth)
  const [y, m, d] = part(on)
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

/** ACHTERBERG, ROSALIND J */
export const upperLastFirst = (p: Person) => `${p.family.toUpperCase()}, ${p.given.toUpperCase()} ${p.middle[0]}`
/** Achterberg, Rosalind June */
export const lastFirst = (p: Person) => `${p.family}, ${p.given} ${p.middle}`
/** Rosalind J. Achterberg */
export const firstLast = (p: Person) => `${p.given} ${p.middle[0]}. ${p.family}`
export const honorific = (p: Person) => `${p.sex === 'F' ? 'Ms.' : 'Mr.'} ${p.family}`
export const pronoun = (p: Person) => (p.sex === 'F' ? 'she' : 'he')
export const possessive = (p: Person) => (p.sex === 'F' ? 'her' : 'his')

/** A sender's own record number: a prefix and `digits` digits drawn from the person's id (stable per sender). */
export function senderNumber(prefix: string, p: Person, salt: string, digits: number): string {
  let h = 2166136261
  for (const ch of `${salt}:${p.id}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0
  return prefix + String(h % 10 ** digits).padStart(digits, '0')
}

export const pickN = <T>(r: Rand, xs: readonly T[], n: number): T[] => r.shuffle(xs).slice(0, n)

/** Sheets and the fax banner's room: every house style's CSS sits on this. */
export const BASE_CSS = `
@page { size: 8.5in 11in; margin: 0 }
@page wide { size: 11in 8.5in; margin: 0 }
* { box-sizing: border-box }
html, body { margin: 0; padding: 0 }
body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10.5pt; color: #111 }
.sheet { position: relative; width: 8.5in; height: 11in; overflow: hidden; break-after: page; padding: 0.6in 0.7in 0.5in }
.sheet.wide { page: wide; width: 11in; height: 8.5in; padding: 0.5in 0.6in }
.sheet .turn { position: absolute; left: 0; top: 0; width: 11in; height: 8.5in; padding: 0.5in 0.6in; transform-origin: top left; transform: translate(0, 11in) rotate(-90deg) }
.fxb { position: absolute; left: 0.3in; right: 0.3in; top: 0.12in; font: 8.5pt 'DejaVu Sans Mono', monospace; display: flex; justify-content: space-between; white-space: pre }
.sheet table { border-collapse: collapse }
.sig { font-family: 'DejaVu Serif', serif; font-style: italic }
`
