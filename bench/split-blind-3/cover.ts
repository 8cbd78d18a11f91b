/**
 * Fax cover sheets in three house styles of this set: a hospital records department's form, a
 * small clinic's big-letter "FAX" sheet with boxes to tick, and an e-fax service's generated
 * page. By this set's policy a cover sheet is the first page of the document it announces: it
 * belongs to that document's part. Some name the patient, some only say "records".
 */
import type { Rand } from '../split-unseen/rand.js'
import { DESK, us, type Doc } from './common.js'
import type { Person } from './patients.js'

export type CoverStyle = 'him-form' | 'big-fax' | 'efax'
export const COVER_STYLES: readonly CoverStyle[] = ['him-form', 'big-fax', 'efax']

const box = (on: boolean) => `<span class="cb">${on ? 'X' : ''}</span>`

/** The cover page's HTML: `pages` counts the whole transmission, cover included. */
export function coverPage(doc: Doc, p: Person, r: Rand, style: CoverStyle, sentOn: string): string {
  const pages = doc.pages.length + 1
  const names = r.chance(0.5)
  const to = r.pick(['Medical Records', DESK.doctor[0]!, 'Health Information Management', 'Referrals coordinator'])
  const from = r.pick(['Health Information Management', 'Release of Information', 'Unit clerk', 'Front desk'])
  const confidential =
    'CONFIDENTIALITY NOTICE: The pages accompanying this cover contain protected health information that is privileged and confidential. If you are not the intended recipient, any review, disclosure, copying or distribution is prohibited. Please notify the sender by telephone and destroy the documents.'
  switch (style) {
    case 'him-form':
      return `<h1 style="text-align:center;letter-spacing:3px">FACSIMILE TRANSMITTAL</h1>
<div style="text-align:center;font-weight:bold">${doc.sender}</div>
<table class="grid" style="margin-top:18px">
<tr><td style="width:50%"><span class="lbl">To</span>${to}, ${DESK.name}</td><td><span class="lbl">From</span>${from}</td></tr>
<tr><td><span class="lbl">Fax</span>${DESK.fax}</td><td><span class="lbl">Fax</span>${doc.senderFax}</td></tr>
<tr><td><span class="lbl">Date</span>${us(sentOn)}</td><td><span class="lbl">Number of pages (including cover)</span>${pages}</td></tr>
<tr><td colspan="2"><span class="lbl">Regarding</span>${names ? `${p.given} ${p.family}, DOB ${us(p.birthDate)}` : 'Requested medical records'}</td></tr></table>
<p style="margin-top:18px">${box(true)} Per your request ${box(false)} For review ${box(r.chance(0.5))} Continuity of care ${box(false)} Please reply</p>
<p style="margin-top:18px">Comments: ${r.pick(['Records as requested. Please call if pages are missing.', 'Copy for the primary care provider.', ''])}</p>
<p class="small" style="margin-top:60px;border:1px solid #000;padding:8px">${confidential}</p>`
    case 'big-fax':
      return `<div class="big" style="margin-top:40px">FAX</div>
<div style="font-size:13pt;margin-top:6px">${doc.sender}</div>
<div class="rule"></div>
<p style="font-size:13pt;line-height:2">Date: <u>&nbsp;${us(sentOn)}&nbsp;</u><br>To: <u>&nbsp;${to}&nbsp;</u> &nbsp; Fax: <u>&nbsp;${DESK.fax}&nbsp;</u><br>From: <u>&nbsp;${from}&nbsp;</u> &nbsp; Fax: <u>&nbsp;${doc.senderFax}&nbsp;</u><br>Pages: <u>&nbsp;${pages}&nbsp;</u> (with this one)</p>
<p>${box(r.chance(0.5))} Urgent ${box(true)} For your records ${box(false)} Please comment ${box(false)} Please call</p>
<p style="margin-top:20px;font-size:12pt">${names ? `Re: ${p.family}, ${p.given[0]}.` : 'Re: patient of yours (see attached)'}</p>
<p class="small" style="position:absolute;bottom:0.8in;left:0.7in;right:0.7in">${confidential}</p>`
    case 'efax':
      return `<div style="font-family:'DejaVu Sans Mono',monospace;font-size:10pt">
<p>==================================================================</p>
<p>&nbsp;&nbsp;FAX MESSAGE &middot; sent via SecureRelay Cloud Fax</p>
<p>==================================================================</p>
<p>Sent: ${us(sentOn)} ${String(r.int(7, 18)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}<br>
From: ${doc.sender} &lt;${doc.senderFax}&gt;<br>
To: ${DESK.name} &lt;${DESK.fax}&gt;<br>
Pages: ${pages} (cover + ${pages - 1})<br>
Subject: ${names ? `${p.family.toUpperCase()} ${p.given.toUpperCase()} records` : 'Clinical documents'}</p>
<p>Message:<br>${r.pick(['Please find the attached clinical documents.', 'Attached per request. Thank you.', 'Results attached for your patient.'])}</p>
<p>------------------------------------------------------------------</p>
<p class="small">${confidential}</p></div>`
  }
}
