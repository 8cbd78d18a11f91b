/** Shared shapes passed between pipeline stages and the modules that plug into them. */

export const DOCUMENT_TYPES = [
  'lab_report',
  'radiology_report',
  'discharge_summary',
  'history_and_physical',
  'consult_note',
  'operative_report',
  'progress_note',
  'referral_letter',
  'emergency_report',
  'immunization_record',
  'consent_form',
  'roi_authorization',
  'other',
] as const
export type DocumentType = (typeof DOCUMENT_TYPES)[number]

export interface WordBox {
  text: string
  confidence: number
  /** Pixel box on the page image: x0,y0 top-left, x1,y1 bottom-right. */
  bbox: { x0: number; y0: number; x1: number; y1: number }
}

export interface PageText {
  /** 1-based page number. */
  page: number
  text: string
  source: 'text-layer' | 'ocr'
  /** Mean OCR word confidence 0-100; null for text-layer pages. */
  ocrConfidence: number | null
  /** Degrees the page was rotated to straighten it before OCR. */
  deskewAngle: number | null
  /** OCR pages: which reading was kept (e.g. "flattened/block", "grey/auto") and any quarter turn made. */
  ocrPath?: string
  /** OCR pages: quarter turns (90, 180, 270 degrees clockwise) made to set the page upright. */
  turned?: number
  /**
   * OCR pages of a PDF: how the page's picture was had. 'embedded': the page is one scanned image
   * and that image, as stored in the file, was read; 'drawn': the page was drawn (text, drawing or
   * several images on it, or an image stored in a form read only by drawing).
   */
  pageImage?: 'embedded' | 'drawn'
  /** A page the file's data for is damaged: why it could not be read, in plain words (it comes out blank). */
  unreadable?: string
  /**
   * Text-layer pages that carry images (a pasted scan, a stamp, a signature image): how many
   * were found, how many held text that was read by OCR and added after the text layer.
   */
  imageText?: { regions: number; read: number; words: number; confidence: number | null }
  width: number | null
  height: number | null
  words: WordBox[]
}

export interface ExtractedText {
  pages: PageText[]
  /** Pages joined with form feeds, as people and classifiers read it. */
  fullText: string
  /** Mean of the OCR pages' confidence, null when no page was OCRed. */
  ocrConfidence: number | null
  source: 'text-layer' | 'ocr' | 'mixed'
}

/** A person in the patient index (the master patient index of the health center). */
export interface Patient {
  mrn: string
  familyName: string
  givenName: string
  middleName?: string | null
  birthDate: string // YYYY-MM-DD
  sex?: string | null
  deceased?: boolean
  deceasedDate?: string | null
  primaryProvider?: string | null
}
