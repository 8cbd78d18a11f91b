/**
 * What every document of the third blind split set shares: the document shape the writers
 * return, the page CSS of the set's house styles, dates in the ways these senders print them,
 * and small helpers for names and the senders' own patient numbers. Written for this set
 * alone, without reading the other sets' document templates.
 */
import type { Rand } from '../split-unseen/rand.js'
import type { Person } from './patients.js'

export type DocType =
  | 'discharge_summary'
  | 'emergency_report'
  | 'radiology_report'
  | 'lab_report'
  | 'progress_note'
  | 'consult_note'
  | 'referral_letter'
  | 'history_and_physical'
  | 'operative_report'
  | 'consent_form'
  | 'roi_authorization'
  | 'immunization_record'
  | 'other'

/** One document as written: its pages' HTML and what the truth says about it. */
export interface Doc {
  writer: string
  type: DocType
  sender: string
  /** The sender's fax number, for a cover sheet announcing this document. */
  senderFax: string
  title: string
  /** Date of service or report (ISO). */
  date: string
  /** House style: the CSS class of its pages. */
  style: string
  /** One HTML body per page. */
  pages: string[]
  /** Its pages print "Page x of N". */
  numbered: boolean
  /** Its later pages repeat the title in a running header. */
  runningTitle: boolean
  /** One of its later pages starts in the middle of a sentence. */
  midSentence: boolean
  /** Printed landscape and fed the long way: its text runs up or down the portrait sheet. */
  landscape?: boolean
}

export interface WriteOpts {
  /** Date of service (ISO). */
  date: string
  /** Which of a writer's kinds of document, for a sender's two documents of one day (writers with one kind ignore it). */
  variant?: number
}

export type Writer = (p: Person, r: Rand, o: WriteOpts) => Doc

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const pad = (n: number) => String(n).padStart(2, '0')
const parts = (ymd: string) => ymd.split('-').map(Number) as [number, number, number]

/** 03/14/2026 */
export const us = (ymd: string) => {
  const [y, m, d] = parts(ymd)
  return `${pad(m)}/${pad(d)}/${y}`
}
/** 14/03/2026, as Australian and Canadian senders often write it. */
export const dmy = (ymd: string) => {
  const [y, m, d] = parts(ymd)
  return `${pad(d)}/${pad(m)}/${y}`
}
/** 14 March 2026 */
export const longDmy = (ymd: string) => {
  const [y, m, d] = parts(ymd)
  return `${d} ${MONTHS[m - 1]} ${y}`
}
/** March 14, 2026 */
export const longMdy = (ymd: string) => {
  const [y, m, d] = parts(ymd)
  return `${MONTHS[m - 1]} ${d}, ${y}`
}
/** MAR 14, 2026 (the VA-style print-outs) */
export const upperMon = (ymd: string) => {
  const [y, m, d] = parts(ymd)
  return `${MONTHS[m - 1]!.slice(0, 3).toUpperCase()} ${pad(d)}, ${y}`
}
/** 14-Mar-2026 */
export const dMonY = (ymd: string) => {
  const [y, m, d] = parts(ymd)
  return `${pad(d)}-${MONTHS[m - 1]!.slice(0, 3)}-${y}`
}
export const iso = (ymd: string) => ymd

export function addDays(ymd: string, days: number): string {
  const t = new Date(`${ymd}T12:00:00Z`).getTime() + days * 86400000
  return new Date(t).toISOString().slice(0, 10)
}

export function ageOn(birth: string, on: string): number {
  const [by, bm, bd] = parts(birth)
  const [y, m, d] = parts(on)
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

export const time = (r: Rand) => `${pad(r.int(6, 20))}:${pad(r.int(0, 59))}`

/** A service date in 2026 before December. */
export function serviceDate(r: Rand): string {
  return `2026-${pad(r.int(2, 11))}-${pad(r.int(1, 28))}`
}

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** Chinedu A. Okonkwo */
export const full = (p: Person) => `${p.given} ${p.middle}. ${p.family}`
/** OKONKWO, CHINEDU A */
export const lastFirstUpper = (p: Person) => `${p.family.toUpperCase()}, ${p.given.toUpperCase()} ${p.middle}`
/** Okonkwo, Chinedu */
export const lastFirst = (p: Person) => `${p.family}, ${p.given}`
export const title = (p: Person) => (p.sex === 'F' ? 'Ms' : 'Mr')
export const they = (p: Person) => (p.sex === 'F' ? 'she' : 'he')
export const them = (p: Person) => (p.sex === 'F' ? 'her' : 'him')
export const their = (p: Person) => (p.sex === 'F' ? 'her' : 'his')
export const They = (p: Person) => (p.sex === 'F' ? 'She' : 'He')
export const sexWord = (p: Person) => (p.sex === 'F' ? 'female' : 'male')

/** A sender's own number for a person: stable for the pair, never in the desk's MRN format. */
export function senderId(p: Person, sender: string, digits: number): string {
  let h = 2166136261
  for (const c of `${p.given}|${p.family}|${p.birthDate}|${sender}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0
  let s = ''
  while (s.length < digits) {
    h = Math.imul(h ^ (h >>> 13), 1274126177) >>> 0
    s += String(h % 10)
  }
  return s
}

/** Page CSS: one Letter sheet per `.pg`, nothing spills; each house style is a class. */
export const CSS = `
@page { size: 8.5in 11in; margin: 0 }
* { box-sizing: border-box }
body { margin: 0 }
.pg { width: 8.5in; height: 11in; overflow: hidden; position: relative; padding: 0.55in 0.7in 0.7in 0.7in; break-after: page; font-size: 10.5pt; line-height: 1.32 }
.pg:last-child { break-after: auto }
.pg p { margin: 0 0 0.55em 0 }
.pg h1, .pg h2, .pg h3 { margin: 0.2em 0 0.35em 0 }
.pg table { border-collapse: collapse }
.pg .foot { position: absolute; left: 0.7in; right: 0.7in; bottom: 0.35in; font-size: 8.5pt }
.pg .runhead { font-size: 8.5pt; border-bottom: 1px solid #000; padding-bottom: 3px; margin-bottom: 10px; display: flex; justify-content: space-between }
.pg .fax { position: absolute; left: 0.3in; right: 0.3in; top: 0.12in; font: 8pt 'DejaVu Sans Mono', monospace; display: flex; justify-content: space-between }
.pg .fax.bottom { top: auto; bottom: 0.1in }
.pg .sig { margin-top: 1.1em }
.pg .small { font-size: 8.5pt }
.pg .right { text-align: right }
.pg .center { text-align: center }
.pg .box { border: 1.2px solid #000; padding: 5px 8px; margin-bottom: 6px }
.pg .grid { width: 100%; border: 1.2px solid #000 }
.pg .grid td, .pg .grid th { border: 1px solid #000; padding: 3px 5px; vertical-align: top; font-size: 9.5pt; text-align: left }
.pg .grid th { background: #ddd }
.pg .lbl { font-size: 7.5pt; text-transform: uppercase; display: block }
.pg .cb { display: inline-block; width: 10px; height: 10px; border: 1px solid #000; margin: 0 4px 0 8px; vertical-align: -1px; font-size: 8pt; line-height: 9px; text-align: center }
.pg .rule { border-top: 2px solid #000; margin: 6px 0 }
.pg .rule2 { border-top: 1px dashed #000; margin: 6px 0 }

/* Prairie Hollow Community Hospital: a rural critical-access hospital, serif, ruled band */
.ph { font-family: 'Liberation Serif', serif }
.ph .band { border-top: 3px double #000; border-bottom: 3px double #000; padding: 4px 0; margin: 6px 0 10px 0; text-align: center; font-weight: bold; letter-spacing: 2px; font-size: 13pt }
.ph .lh { display: flex; justify-content: space-between; align-items: flex-end }
.ph .lh .name { font-size: 15pt; font-weight: bold; font-variant: small-caps }

/* VA-style print-out: monospaced, all text laid out as the terminal printed it */
.va { font-family: 'DejaVu Sans Mono', monospace; font-size: 9pt; line-height: 1.25; padding-top: 0.45in }
.va pre { font: inherit; margin: 0; white-space: pre-wrap }
.va .vafoot { position: absolute; left: 0.7in; right: 0.7in; bottom: 0.3in; border-top: 1px solid #000; font-size: 8pt; padding-top: 3px }

/* Lakehead Regional (Ontario) letters: sans, left logo rule */
.lk { font-family: 'Liberation Sans', sans-serif; font-size: 10.5pt }
.lk .logo { border-left: 8px solid #000; padding-left: 10px; margin-bottom: 18px }
.lk .logo b { font-size: 14pt; display: block }

/* Australian rooms and base hospital: URW Gothic / Nimbus, boxed patient label */
.au { font-family: 'Nimbus Sans', sans-serif; font-size: 10.5pt }
.au .label { border: 1px solid #000; width: 3.1in; padding: 4px 6px; font-size: 9pt; float: right; margin-left: 12px }
.au .org { font-size: 13pt; font-weight: bold; letter-spacing: 0.5px }

/* Tri-Rivers Kidney Care (dialysis): condensed sans, grey title bars */
.dx { font-family: 'DejaVu Sans', sans-serif; font-size: 9.5pt; font-stretch: condensed }
.dx .bar { background: #000; color: #fff; padding: 3px 8px; font-weight: bold; margin: 8px 0 5px 0 }

/* Saltmarsh Wound & Hyperbaric: Bookman, wide margins */
.wc { font-family: 'URW Bookman', serif; font-size: 10pt; padding-left: 0.9in; padding-right: 0.9in }

/* Quiet Hours Sleep Diagnostics */
.sl { font-family: 'URW Gothic', sans-serif; font-size: 10pt }
.sl .top { text-align: center; border-bottom: 4px solid #000; padding-bottom: 6px; margin-bottom: 10px }

/* Heartland Cardiac Rehabilitation */
.cr { font-family: 'Liberation Sans Narrow', sans-serif; font-size: 11pt }

/* Great Basin Reference Laboratories: cumulative print-outs */
.gb { font-family: 'Liberation Mono', monospace; font-size: 8.8pt; line-height: 1.25 }
.gb table.cum { width: 100%; font-size: 8.6pt }
.gb table.cum td, .gb table.cum th { padding: 1px 4px; text-align: left; border-bottom: 1px dotted #000 }

/* Copper Basin Surgical Hospital and Two Forks Endoscopy */
.cb { font-family: 'P052', serif; font-size: 10.5pt }
.tf { font-family: 'Nimbus Sans Narrow', sans-serif; font-size: 10.5pt }

/* Forms with boxes (records requests, tribal clinic referral form), echo lab */
.fm { font-family: 'Nimbus Sans', sans-serif; font-size: 9.5pt }
.ec { font-family: 'DejaVu Serif', serif; font-size: 9.8pt }

/* Sweetgrass Hills Laboratory Services: landscape flowsheets turned on the portrait sheet */
.sw { padding: 0 }
.sw .ls-in { position: absolute; top: 0; left: 0; width: 11in; height: 8.5in; transform-origin: 0 0; padding: 0.45in 0.55in 0.5in 0.55in; font-family: 'Liberation Sans Narrow', sans-serif; font-size: 9pt }
.sw table.flow { width: 100%; border-collapse: collapse }
.sw .flow td, .sw .flow th { border: 1px solid #000; padding: 1px 3px; font-size: 8.3pt; text-align: left }
.sw .flow th { background: #e4e4e4 }
.sw .ls-foot { position: absolute; left: 0.55in; right: 0.55in; bottom: 0.25in; font-size: 7.5pt }

/* Fax cover sheets */
.cv { font-family: 'Liberation Sans', sans-serif; font-size: 11pt }
.cv .big { font-size: 40pt; font-weight: bold; letter-spacing: 4px }
`

/** The fax transmission banner a fax server prints on every sheet it sends. */
export function faxBannerHtml(o: {
  at: string
  from: string
  to: string
  page: number
  of: number
  bottom: boolean
  style: 'pslash' | 'pgof'
}): string {
  const n = o.style === 'pslash' ? `P.${String(o.page).padStart(3, '0')}/${String(o.of).padStart(3, '0')}` : `PAGE ${o.page} OF ${o.of}`
  return `<div class="fax${o.bottom ? ' bottom' : ''}"><span>${o.at}</span><span>FROM: ${esc(o.from)}</span><span>TO: ${o.to}</span><span>${n}</span></div>`
}

/** The health center receiving everything in this set. */
export const DESK = {
  name: 'Juniper Flats Family Health',
  dept: 'Health Information Management',
  fax: '(406) 555-0187',
  doctor: ['Dr. Mara Ellingsen', 'Dr. Tobias Wren', 'Dr. Renata Okafor-Lund'],
}
