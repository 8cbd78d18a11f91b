/**
 * Fax cover sheets and fax banners of the fifth blind set. Four cover styles: a critical-access
 * hospital's records-department transmittal, a cloud fax server's delivery page, a hospice's
 * typed form with a spaced-letter heading, a corrections health unit's confidential
 * transmittal counting "pages to follow". A cover names the patient fully, by name alone, or
 * not at all. Two banners: one numbering the whole transmission ("P.003/014") and one a sender's
 * fax machine prints on each fax it sends ("p. 2/3"), the latter kept on faxes a clerk printed
 * and put in the day's mail.
 */
import type { Rand } from '../split-unseen/rand.js'
import { esc, firstLast, mdy, PRACTICE, type Naming, type Sheet } from './kit.js'
import type { Person } from './people.js'

export type CoverStyle = 'him-transmittal' | 'faxbridge' | 'hospice-form' | 'doc-transmittal'
/** No banner; one banner numbering the whole transmission; banners on the documents that came by fax, each fax its own count. */
export type FaxBanner5 = 'none' | 'transmission' | 'some-documents'

const reLine = (p: Person, naming: Naming) =>
  naming === 'full' ? `${esc(firstLast(p))} (DOB ${mdy(p.birth)})` : naming === 'name' ? esc(firstLast(p)) : 'records as requested'

export function coverSheet(o: {
  style: CoverStyle
  naming: Naming
  from: { name: string; fax: string }
  p: Person
  date: string
  /** Pages of the fax, this cover included. */
  pages: number
  r: Rand
}): Sheet {
  const { r, p } = o
  const who = r.pick(['M. Oyelaran-Pike', 'Records clerk', 'T. Haverford', 'Intake desk', 'S. Bergqvist'])
  let html: string
  switch (o.style) {
    case 'him-transmittal':
      html = `<div class="cv5-him"><div class="cv5-org">${esc(o.from.name)}</div><div>Health Information Management</div>
<div class="cv5-big">FACSIMILE TRANSMITTAL</div>
<table class="cv5-t"><tr><td>DATE</td><td>${mdy(o.date)}</td></tr><tr><td>TO</td><td>${PRACTICE.name} — Medical Records</td></tr>
<tr><td>FAX</td><td>${PRACTICE.fax}</td></tr><tr><td>FROM</td><td>${esc(o.from.name)} HIM, ${who}</td></tr><tr><td>RETURN FAX</td><td>${esc(o.from.fax)}</td></tr>
<tr><td>PAGES</td><td>${o.pages} (including cover)</td></tr><tr><td>RE</td><td>${reLine(p, o.naming)}</td></tr></table>
<p class="cv5-small">The documents accompanying this transmission contain confidential health information that is legally privileged. If you are not the intended recipient, you are hereby notified that any disclosure, copying or distribution is prohibited. Please notify the sender by telephone and destroy the documents.</p></div>`
      break
    case 'faxbridge':
      html = `<div class="cv5-fb"><div class="cv5-fbbar">FaxBridge<span>Cloud Fax Delivery</span></div>
<p class="cv5-fbh">Inbound fax for ${PRACTICE.name}</p>
<table class="cv5-t"><tr><td>Received</td><td>${mdy(o.date)} ${String(r.int(8, 17)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}</td></tr>
<tr><td>Sender CSID</td><td>${esc(o.from.fax.replace(/\D/g, ''))}</td></tr><tr><td>Sender name</td><td>${esc(o.from.name)}</td></tr>
<tr><td>Pages</td><td>${o.pages} total, this delivery page included</td></tr><tr><td>Subject</td><td>${o.naming === 'none' ? '(none)' : reLine(p, o.naming)}</td></tr>
<tr><td>Job</td><td>FBX-${r.int(1000000, 9999999)}</td></tr></table>
<p class="cv5-small">This delivery page was added by the fax service. Content that follows is from the sender.</p></div>`
      break
    case 'hospice-form':
      html = `<div class="cv5-hf"><div class="cv5-spaced">F A X</div><div class="cv5-org">${esc(o.from.name)}</div>
<p>To: <u>&nbsp;${PRACTICE.clinicians[0]!}&nbsp;</u> &nbsp; Fax: <u>&nbsp;${PRACTICE.fax}&nbsp;</u></p>
<p>From: <u>&nbsp;${who}&nbsp;</u> &nbsp; Fax: <u>&nbsp;${esc(o.from.fax)}&nbsp;</u></p>
<p>Date: <u>&nbsp;${mdy(o.date)}&nbsp;</u> &nbsp; # of pages incl. this one: <u>&nbsp;${o.pages}&nbsp;</u></p>
<p>Re: <u>&nbsp;${o.naming === 'none' ? 'patient update, signature needed' : reLine(p, o.naming)}&nbsp;</u></p>
<p>☐ Urgent &nbsp; ☒ Please sign and return &nbsp; ☐ For your information &nbsp; ☐ Please call</p>
<p class="cv5-small">Confidential: intended only for the addressee. If received in error, call 541-555-0520.</p></div>`
      break
    case 'doc-transmittal':
      html = `<div class="cv5-dc"><div class="cv5-warn">CONFIDENTIAL — PROTECTED HEALTH INFORMATION</div>
<div class="cv5-big">Health Records Transmittal</div><div>${esc(o.from.name)}</div>
<table class="cv5-t"><tr><td>To</td><td>${PRACTICE.name}</td><td>Fax</td><td>${PRACTICE.fax}</td></tr>
<tr><td>From</td><td>Health Records Release Unit</td><td>Fax</td><td>${esc(o.from.fax)}</td></tr>
<tr><td>Date</td><td>${mdy(o.date)}</td><td>Pages to follow</td><td>${o.pages - 1}</td></tr>
<tr><td>Regarding</td><td colspan="3">${reLine(p, o.naming)}</td></tr></table>
<p class="cv5-small">Release is made under the continuity-of-care provisions. Redisclosure is prohibited. If this transmission is incomplete, call the Health Records Release Unit.</p></div>`
      break
  }
  return { html, naming: o.naming }
}

/** A banner numbering the whole transmission. */
export function transmissionBanner(o: { date: string; time: string; from: string; name: string; page: number; of: number }) {
  const p3 = (n: number) => String(n).padStart(3, '0')
  return `<div class="fb5">${o.date} ${o.time}   FROM: ${o.from} ${o.name}   TO: ${PRACTICE.fax.replace(/\D/g, '')}   P.${p3(o.page)}/${p3(o.of)}</div>`
}

/** The banner a sender's machine prints on each page of one fax. */
export function documentBanner(o: { date: string; time: string; fax: string; name: string; page: number; of: number }) {
  return `<div class="fb5">From: ${o.fax}  ${esc(o.name).slice(0, 28)}      ${o.date} ${o.time}      p. ${o.page}/${o.of}</div>`
}

/** The numbers a page's banner prints: [page, of], or null when it has none. */
export function bannerNumbers(sheet: string): [number, number] | null {
  const b = /<div class="fb5">(.*?)<\/div>/.exec(sheet)?.[1]
  if (!b) return null
  const m = /P\.(\d{3})\/(\d{3})$/.exec(b) ?? /p\. (\d+)\/(\d+)$/.exec(b)
  return m ? [Number(m[1]), Number(m[2])] : null
}

export const COVER_CSS = `
.cv5-him { border: 2pt solid #1d3b57; padding: 14pt; margin-top: 20pt } .cv5-org { font-size: 15pt; font-weight: bold }
.cv5-big { font-size: 24pt; font-weight: bold; margin: 14pt 0 } .cv5-t { width: 100%; font-size: 11pt; margin: 8pt 0 } .cv5-t td { padding: 4pt; border-bottom: 0.5pt solid #aaa }
.cv5-small { font-size: 8.5pt; margin-top: 20pt }
.cv5-fbbar { background: #2b2d42; color: #fff; padding: 10pt; font-size: 20pt; font-weight: bold; display: flex; justify-content: space-between } .cv5-fbbar span { font-size: 10pt; font-weight: normal }
.cv5-fbh { font-size: 13pt; margin: 14pt 0 }
.cv5-hf { font-family: 'DejaVu Serif', serif; font-size: 12pt; margin-top: 20pt } .cv5-hf p { margin: 14pt 0 } .cv5-spaced { font-size: 40pt; font-weight: bold; letter-spacing: 6pt }
.cv5-dc { margin-top: 10pt } .cv5-warn { background: #000; color: #fff; font-weight: bold; text-align: center; padding: 6pt; font-size: 12pt }
`
