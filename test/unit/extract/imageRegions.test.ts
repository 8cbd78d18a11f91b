import { describe, expect, it } from 'vitest'
import {
  compose,
  imageBoxes,
  mayHoldImages,
  regionsToRead,
  unitSquareBox,
  type ImageOps,
  type Matrix,
} from '../../../src/extract/imageRegions.js'

const OPS: ImageOps = {
  save: 10,
  restore: 11,
  transform: 12,
  paintFormXObjectBegin: 74,
  paintFormXObjectEnd: 75,
  paintImageXObject: 85,
  paintInlineImageXObject: 86,
  paintImageMaskXObject: 83,
}
const LETTER = { x0: 0, y0: 0, x1: 612, y1: 792 }

describe('image regions of a PDF page', () => {
  it('an image drawn 400 x 200 pt at (100, 300) covers that box', () => {
    const fns = [OPS.save, OPS.transform, OPS.paintImageXObject, OPS.restore]
    const args = [null, [400, 0, 0, 200, 100, 300], ['img1', 1600, 800], null]
    expect(imageBoxes(fns, args, OPS)).toEqual([{ x0: 100, y0: 300, x1: 500, y1: 500 }])
  })

  it('transforms nest through q/Q and form XObjects, and a restore undoes them', () => {
    const fns = [
      OPS.save,
      OPS.transform,
      OPS.paintFormXObjectBegin,
      OPS.transform,
      OPS.paintImageXObject,
      OPS.paintFormXObjectEnd,
      OPS.restore,
      OPS.transform,
      OPS.paintImageMaskXObject,
    ]
    const args = [
      null,
      [2, 0, 0, 2, 0, 0],
      [
        [1, 0, 0, 1, 10, 10],
        [0, 0, 100, 100],
      ],
      [50, 0, 0, 20, 0, 0],
      ['x'],
      null,
      null,
      [30, 0, 0, 30, 5, 5],
      ['m'],
    ]
    expect(imageBoxes(fns, args, OPS)).toEqual([
      { x0: 20, y0: 20, x1: 120, y1: 60 },
      { x0: 5, y0: 5, x1: 35, y1: 35 },
    ])
  })

  it('a rotated image: the box holds all four corners', () => {
    const m: Matrix = compose([1, 0, 0, 1, 200, 200], [0, 100, -50, 0, 0, 0])
    expect(unitSquareBox(m)).toEqual({ x0: 150, y0: 200, x1: 200, y1: 300 })
  })

  it('keeps images big enough for a line of text and not already under the text layer; joins overlapping ones, largest first', () => {
    const scan = { x0: 60, y0: 300, x1: 530, y1: 560 }
    const signature = { x0: 72, y0: 120, x1: 220, y1: 160 }
    const bullet = { x0: 72, y0: 600, x1: 80, y1: 608 }
    const letterhead = { x0: 0, y0: 0, x1: 612, y1: 792 }
    const overlapping = { x0: 70, y0: 310, x1: 520, y1: 550 }
    // The letterhead background sits under the whole letter's text.
    const text = Array.from({ length: 10 }, (_, i) => ({ x: 72, y: 700 - i * 14, chars: 40 }))
    const kept = regionsToRead([scan, signature, bullet, letterhead, overlapping], LETTER, text)
    expect(kept).toEqual([scan, signature])
  })

  it('finds image XObjects by their dictionary in the raw file, and no image in a text-only file', () => {
    expect(mayHoldImages(Buffer.from('1 0 obj << /Type /XObject /Subtype /Image /Width 10 >> stream'))).toBe(true)
    expect(mayHoldImages(Buffer.from('<</Subtype/Image/Width 10>>'))).toBe(true)
    expect(mayHoldImages(Buffer.from('/ProcSet [/PDF /Text /ImageB /ImageC /ImageI]'))).toBe(false)
  })
})
