import { describe, expect, it } from 'vitest'
import { cleanName, readLetterhead } from '../../../src/extract-fields/letterhead.js'
import { toPages } from '../../../src/text/lines.js'

describe('cleanName: the facility name alone', () => {
  const cases: Array<[string, string]> = [
    ['Lakeside Imaging Center', 'Lakeside Imaging Center'],
    ["Valley Children's Heart Center 77 Orchard Lane", "Valley Children's Heart Center"],
    ['Riverbend Regional Medical Center Carver Falls, OH 43825', 'Riverbend Regional Medical Center'],
    ['® Riverbend Regional Medical Center pedi Sion', 'Riverbend Regional Medical Center'],
    ['HARBOR URGENT CARE Ey', 'HARBOR URGENT CARE'],
    ['Lakeshore Imaging Associates mire ee', 'Lakeshore Imaging Associates'],
    ['Mercy Hospital of Springfield', 'Mercy Hospital of Springfield'],
    ['TRI-COUNTY REFERENCE LABORATORY   CLIA # 99D0004417', 'TRI-COUNTY REFERENCE LABORATORY'],
  ]
  for (const [line, name] of cases) it(`"${line}" -> "${name}"`, () => expect(cleanName(line)).toBe(name))
})

describe('readLetterhead', () => {
  it('reads name and address, skipping a fax banner and a logo read as letters', () => {
    const text = [
      'FROM: RIVERBEND REGIONAL MEDICAL CENTER (740) 555-0161 08/05/2025 16:41 P. 1/1',
      'H . £ H 1400 Riverbend Parkway',
      'Riverbend Regional Medical Center Re aa',
      'Medical Records Tel (740) 555-0160',
      'CARDIOLOGY CONSULTATION',
      'Patient Name: JAMES, THOMAS',
    ].join('\n')
    const lh = readLetterhead(toPages(text), ['cardiology consultation'])
    expect(lh.name).toMatchObject({ value: 'Riverbend Regional Medical Center', line: 3 })
    expect(lh.faxFrom?.value).toBe('RIVERBEND REGIONAL MEDICAL CENTER')
  })

  it('joins a two-line address and drops the phone numbers and the CLIA number', () => {
    const text =
      'RIVERBEND REFERENCE LABORATORY\n1200 Industrial Pkwy, Suite 4\nDayton, OH 45402   CLIA #36D0987654\nTel (937) 555-0100\n\nPatient: Doe, Jane'
    const lh = readLetterhead(toPages(text))
    expect(lh.address?.value).toBe('1200 Industrial Pkwy, Suite 4, Dayton, OH 45402')
  })

  it('does not take the document title or the patient block for the facility', () => {
    const lh = readLetterhead(toPages('DISCHARGE SUMMARY\nPatient: Lindqvist, Margaret\nDOB: 02/09/1944'), ['discharge summary'])
    expect(lh.name).toBeNull()
  })
})

describe('cleanName: logo in capitals after a mixed-case name', () => {
  it('"Riverbend Regional Medical Center SHEE" -> "Riverbend Regional Medical Center"', () => {
    expect(cleanName('Riverbend Regional Medical Center SHEE')).toBe('Riverbend Regional Medical Center')
  })
})
