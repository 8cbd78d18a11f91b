/**
 * What the fifth blind set's writers share: the shape a written document takes (its pages and
 * how each page names its patient), dates and names the ways these senders print them, the
 * sheet CSS every house style sits on, running EHR headers and footers, and the receiving
 * practice.
 */
import type { DocumentType } from '../../src/model/types.js'
import type { Rand } from '../split-unseen/rand.js'
import type { Person } from './people.js'

/** How a page names its patient: name and birth date, the name alone, or not at all. */
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
  /** The date the document carries (YYYY-MM-DD). */
  date: string
  /** What the document calls itself on its first page. */
  title: string
  sheets: Sheet[]
  /** Later pages say "Page x of N" (or "x/N", "Pg x"). */
  numbered: boolean
  /** Later pages repeat the title or the patient in a running header. */
  runningTitle: boolean
}

export interface WriteCtx {
  r: Rand
  p: Person
  date: string
  /** Pages wanted, for writers whose length varies. */
  pages?: number
  /** A variant (an exam, a panel) so two documents of one writer on one day differ. */
  variant?: number
}

export type Writer = (c: WriteCtx) => Written

export const PRACTICE = {
  name: 'Harrowmere Family Medicine',
  short: 'Harrowmere FM',
  street: '1500 Founders Way, Suite 2',
  town: 'Harrowmere, OR 97999',
  fax: '541-555-0300',
  phone: '541-555-0299',
  clinicians: ['Imogen Castleberry, MD', 'Rafael Quintanilla, DO', 'Beatrix Ansah, NP', 'Desmond Kowalczyk, PA-C'],
}

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const MONTH = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const split = (ymd: string) => ymd.split('-').map(Number) as [number, number, number]
const pad = (n: number) => String(n).padStart(2, '0')

/** 08/14/1950 */
export const mdy = (ymd: string) => {
  const [y, m, d] = split(ymd)
  return `${pad(m)}/${pad(d)}/${y}`
}
/** 8/14/1950 */
export const mdyShort = (ymd: string) => {
  const [y, m, d] = split(ymd)
  return `${m}/${d}/${y}`
}
/** 14 Aug 1950 */
export const dMonY = (ymd: string) => {
  const [y, m, d] = split(ymd)
  return `${d} ${MON[m - 1]} ${y}`
}
/** 14-AUG-1950 */
export const dashMon = (ymd: string) => {
  const [y, m, d] = split(ymd)
  return `${pad(d)}-${MON[m - 1]!.toUpperCase()}-${y}`
}
/** August 14, 1950 */
export const longDate = (ymd: string) => {
  const [y, m, d] = split(ymd)
  return `${MONTH[m - 1]} ${d}, ${y}`
}
/** 1950.08.14 */
export const dots = (ymd: string) => ymd.replace(/-/g, '.')
/** Every way these senders print a birth date (lower case), for the key's checks. */
export const birthForms = (ymd: string) =>
  [ymd, mdy(ymd), mdyShort(ymd), dMonY(ymd), dashMon(ymd), longDate(ymd), dots(ymd)].map((x) => x.toLowerCase())

export const addDays = (ymd: string, n: number) => {
  const t = new Date(`${ymd}T12:00:00Z`)
  t.setUTCDate(t.getUTCDate() + n)
  return t.toISOString().slice(0, 10)
}

export const ageOn = (birth: string, on: string) => {
  const [by, bm, bd] = split(birth)
  const [y, m, d] = split(on)
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

export const clock = (r: Rand) => `${pad(r.int(6, 21))}:${pad(r.int(0, 59))}`

const sfx = (p: Person) => (p.suffix ? ` ${p.suffix}` : '')
/** VANTONGEREN, CORNELIUS A SR. */
export const upperLastFirst = (p: Person) =>
  `${p.family.toUpperCase()}, ${p.given.toUpperCase()} ${p.middle[0]}${p.suffix ? ' ' + p.suffix.toUpperCase() : ''}`
/** Vantongeren, Cornelius Arend Sr. */
export const lastFirst = (p: Person) => `${p.family}, ${p.given} ${p.middle}${sfx(p)}`
/** Cornelius A. Vantongeren Sr. */
export const firstLast = (p: Person) => `${p.given} ${p.middle[0]}. ${p.family}${sfx(p)}`
export const honorific = (p: Person) => `${p.sex === 'F' ? 'Ms.' : 'Mr.'} ${p.family}`
export const they = (p: Person) => (p.sex === 'F' ? 'she' : 'he')
export const their = (p: Person) => (p.sex === 'F' ? 'her' : 'his')
export const sexWord = (p: Person) => (p.sex === 'F' ? 'Female' : 'Male')

/** A sender's own record number: a prefix and `digits` digits drawn from the person's id (stable per sender). */
export function senderNumber(prefix: string, p: Person, salt: string, digits: number): string {
  let h = 2166136261
  for (const ch of `${salt}:${p.id}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0
  return prefix + String(h % 10 ** digits).padStart(digits, '0')
}

export const pickN = <T>(r: Rand, xs: readonly T[], n: number): T[] => r.shuffle(xs).slice(0, n)

/** An EHR print-out's footer: who printed it, when, and the page (the record system's own counter). */
export function printedBy(o: { user: string; when: string; page: number; of: number; system: string }) {
  return `<div class="ehr-foot"><span>Printed by: ${o.user} &nbsp; ${o.when}</span><span>${o.system}</span><span>Page ${o.page} of ${o.of}</span></div>`
}

/** Sheets and the fax banner's room: every house style's CSS sits on this. */
export const BASE_CSS = `
@page { size: 8.5in 11in; margin: 0 }
@page wide { size: 11in 8.5in; margin: 0 }
* { box-sizing: border-box }
html, body { margin: 0; padding: 0 }
body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10.5pt; color: #111 }
.sheet { position: relative; width: 8.5in; height: 11in; overflow: hidden; break-after: page; padding: 0.65in 0.75in 0.6in }
.sheet.wide { page: wide; width: 11in; height: 8.5in; padding: 0.55in 0.6in }
.sheet .turn { position: absolute; left: 0; top: 0; width: 11in; height: 8.5in; padding: 0.55in 0.6in; transform-origin: top left; transform: translate(0, 11in) rotate(-90deg) }
.fb5 { position: absolute; left: 0.25in; right: 0.25in; top: 0.1in; font: 8pt 'DejaVu Sans Mono', monospace; white-space: pre; overflow: hidden }
.ehr-foot { position: absolute; left: 0.6in; right: 0.6in; bottom: 0.3in; font-size: 7.5pt; color: #333; display: flex; justify-content: space-between; border-top: 0.5pt solid #888; padding-top: 2pt }
.sheet table { border-collapse: collapse }
.sig5 { font-family: 'DejaVu Serif', serif; font-style: italic; font-size: 13pt }
.mono { font-family: 'DejaVu Sans Mono', monospace }
`
