/**
 * Fax cover sheets and fax banners of the fourth blind set. Three covers: a hospital records
 * department's transmittal form, a clinic's hand-filled "FAX" sheet, and the page a cloud fax
 * relay puts before what it received. A cover names the patient fully, by name only, or not at
 * all. Banners: the receiving machine's header counting the whole transmission, or the sending
 * machine's header restarting with each fax.
 */
import { CENTER, esc, mdy, type Naming, type Sheet } from './kit.js'
import type { Rand } from '../split-unseen/rand.js'
import type { Person } from './people.js'

export const COVER_CSS = `
.cv-him { font-family: 'Liberation Serif', serif; font-size: 11pt }
.cv-him h1 { font-size: 20pt; letter-spacing: 2px; margin: 10px 0 4px; text-align: center }
.cv-him .org { text-align: center; font-size: 10pt; margin-bottom: 18px }
.cv-him table { width: 100%; margin-bottom: 18px }
.cv-him td { border: 1px solid #000; padding: 7px 8px; font-size: 11pt }
.cv-him td.l { width: 22%; font-weight: bold; background: #eee }
.cv-him .conf { border: 2px solid #000; padding: 8px; font-size: 9pt; margin-top: 30px }
.cv-off { font-family: 'Z003', 'DejaVu Serif', cursive; font-size: 15pt }
.cv-off .big { font-family: 'URW Gothic', sans-serif; font-size: 96pt; font-weight: bold; letter-spacing: 10px; margin: 0 0 10px }
.cv-off .line { border-bottom: 1px solid #000; margin: 16px 0; padding-bottom: 3px }
.cv-off .line span { font-family: 'URW Gothic', sans-serif; font-size: 10pt; display: inline-block; width: 1.3in }
.cv-off .boxes { font-family: 'URW Gothic', sans-serif; font-size: 11pt; margin: 24px 0 }
.cv-off .small { font-family: 'URW Gothic', sans-serif; font-size: 8pt; margin-top: 40px }
.cv-efax { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt }
.cv-efax .brand { font-size: 16pt; color: #245; border-bottom: 1px solid #245; padding-bottom: 4px }
.cv-efax table { margin: 14px 0 }
.cv-efax td { padding: 3px 14px 3px 0 }
.cv-efax .foot { margin-top: 40px; font-size: 8pt; color: #333 }
`

export type CoverStyle = 'him' | 'office' | 'efax'

export interface CoverInput {
  style: CoverStyle
  naming: Naming
  /** The sender of the fax (a hospital's records desk, a clinic). */
  from: { name: string; fax: string }
  /** The person the fax is about; shown according to `naming`. */
  p: Person
  date: string
  /** Pages in the fax, this cover included. */
  pages: number
  r: Rand
}

export function coverSheet(c: CoverInput): Sheet {
  const { r, p } = c
  const who =
    c.naming === 'full'
      ? `${esc(p.family.toUpperCase())}, ${esc(p.given.toUpperCase())} &nbsp; DOB ${mdy(p.birth)}`
      : c.naming === 'name'
        ? `${esc(p.given)} ${esc(p.family)}`
        : r.pick(['Requested records', 'Records per your request', 'Results', 'See attached'])
  const time = `${r.int(7, 17)}:${String(r.int(0, 59)).padStart(2, '0')}`
  let html: string
  switch (c.style) {
    case 'him':
      html = `<div class="cv-him"><h1>FACSIMILE TRANSMITTAL</h1><div class="org">${esc(c.from.name)} &middot; Health Information Management / Release of Information</div>
<table><tr><td class="l">To</td><td>${CENTER.name}</td></tr><tr><td class="l">Fax</td><td>${CENTER.fax}</td></tr><tr><td class="l">From</td><td>${r.pick(['ROI Specialist', 'HIM Correspondence', 'Medical Records'])}, ${esc(c.from.name)}</td></tr>
<tr><td class="l">Return fax</td><td>${c.from.fax}</td></tr><tr><td class="l">Date</td><td>${mdy(c.date)} ${time}</td></tr><tr><td class="l">Pages</td><td>${c.pages} including this cover</td></tr><tr><td class="l">Re</td><td>${who}</td></tr></table>
<p>Enclosed are copies of records released for continuity of care.</p>
<div class="conf">CONFIDENTIALITY NOTICE: The documents accompanying this transmission contain protected health information that is legally privileged. If you received this in error, notify the sender immediately and destroy the documents. Redisclosure is prohibited by 45 CFR Part 164 and 42 CFR Part 2 where applicable.</div></div>`
      break
    case 'office':
      html = `<div class="cv-off"><div class="big">FAX</div>
<div class="line"><span>TO:</span>${r.pick(['Medical records', 'Dr. Whitcombe', 'Larkspur Flats', 'Referrals dept'])}</div>
<div class="line"><span>FROM:</span>${esc(c.from.name)}</div>
<div class="line"><span>DATE:</span>${mdy(c.date)}</div>
<div class="line"><span># PAGES:</span>${c.pages}</div>
<div class="line"><span>RE:</span>${who}</div>
<div class="boxes">&#9746; For your records &nbsp; &#9744; Please review &nbsp; &#9744; Urgent &nbsp; &#9744; Please call</div>
<div class="line"><span>NOTES:</span>${r.pick(['thank you!', 'as requested', 'results attached', 'pls forward to PCP'])}</div>
<div class="small">This fax may contain confidential health information. If received in error please call ${c.from.fax.replace(/\d{4}$/, '0100')}.</div></div>`
      break
    case 'efax':
      html = `<div class="cv-efax"><div class="brand">RelayFax Cloud &middot; Inbound Fax Delivery</div>
<table><tr><td>Delivered to</td><td>${CENTER.short} (${CENTER.fax})</td></tr><tr><td>Caller ID</td><td>${c.from.fax}</td></tr><tr><td>Sender ID (CSID)</td><td>${esc(c.from.name.toUpperCase().slice(0, 20))}</td></tr>
<tr><td>Received</td><td>${mdy(c.date)} ${time}</td></tr><tr><td>Pages</td><td>${c.pages} (this page included)</td></tr><tr><td>Job</td><td>RFX-${r.int(10000000, 99999999)}</td></tr>
${c.naming === 'none' ? '' : `<tr><td>Subject</td><td>${who}</td></tr>`}</table>
<div class="foot">This page was generated by RelayFax Cloud. The pages that follow are the fax as received.</div></div>`
      break
  }
  return { html, naming: c.naming }
}

export type FaxBanner4 = 'none' | 'transmission' | 'per-document'

const pad3 = (n: number) => String(n).padStart(3, '0')

/** The receiving machine's header: one transmission, numbered over all of it. */
export function transmissionBanner(o: { from: string; date: string; time: string; page: number; of: number }): string {
  return `<div class="fxb"><span>${o.date} ${o.time}  FROM:${o.from}  TO:${CENTER.fax.replace(/-/g, '')}</span><span>P.${pad3(o.page)}/${pad3(o.of)}</span></div>`
}

/** The sending machine's header: each fax numbered on its own. */
export function senderBanner(o: { name: string; fax: string; date: string; time: string; page: number; of: number }): string {
  return `<div class="fxb"><span>${o.date} ${o.time}   ${esc(o.name.toUpperCase().slice(0, 26))}   ${o.fax}</span><span>PAGE ${o.page} OF ${o.of}</span></div>`
}

/** The page numbers a banner prints, for the key's checks. */
export function bannerNumbers(pageHtml: string): [number, number] | null {
  const m = /<div class="fxb">.*?<span>(?:P\.(\d+)\/(\d+)|PAGE (\d+) OF (\d+))<\/span><\/div>/.exec(pageHtml)
  return m ? [Number(m[1] ?? m[3]), Number(m[2] ?? m[4])] : null
}
