/**
 * Scan paths for the unseen pages, written apart from samples/lib's scan styles: Ghostscript's
 * own fax devices, low-quality JPEG at 150-200 dpi, grey pages under uneven light, a crooked
 * sheet on a flatbed (rotation and keystone), salt-and-pepper specks, pages turned a quarter or
 * half turn, and a photocopy (blur, then threshold). Every path ends in a PNG file holding
 * exactly the pixels the readers get.
 */
import sharp from 'sharp'
import type { Rand } from './content.js'
import { ghostscript } from './render.js'

export const SCAN_PATHS = [
  'clean',
  'fax-g3-standard',
  'fax-g3-fine',
  'fax-g4',
  'jpeg-low',
  'grey-gradient',
  'skew-perspective',
  'specks',
  'turned',
  'photocopy',
] as const
export type ScanPath = (typeof SCAN_PATHS)[number]

/** Paths where the sheet goes through the machine crooked: tilted when printed (CSS), before the device. */
export const TILTED: readonly ScanPath[] = ['fax-g3-standard', 'fax-g3-fine', 'fax-g4', 'specks', 'turned', 'photocopy']

interface Grey {
  data: Buffer
  w: number
  h: number
}

async function grey(img: Buffer): Promise<Grey> {
  const { data, info } = await sharp(img).greyscale().extractChannel(0).raw().toBuffer({ resolveWithObject: true })
  return { data, w: info.width, h: info.height }
}

const png = (g: Grey, dpi: number) =>
  sharp(g.data, { raw: { width: g.w, height: g.h, channels: 1 } })
    .withMetadata({ density: dpi })
    .png()
    .toBuffer()
const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v))

/** A 1-bit fax TIFF from Ghostscript's device, as the receiving fax server keeps it. */
async function fax(pdf: Buffer, device: 'tiffg3' | 'tiffg4', res: string, doubleRows: boolean): Promise<Grey> {
  const g = await grey(await ghostscript(pdf, device, res))
  for (let i = 0; i < g.data.length; i++) g.data[i] = g.data[i]! < 128 ? 0 : 255
  if (!doubleRows) return g
  // 98 lines per inch: the fax server shows it at 196 by printing every line twice.
  const out = Buffer.alloc(g.w * g.h * 2)
  for (let y = 0; y < g.h; y++) {
    g.data.copy(out, 2 * y * g.w, y * g.w, (y + 1) * g.w)
    g.data.copy(out, (2 * y + 1) * g.w, y * g.w, (y + 1) * g.w)
  }
  return { data: out, w: g.w, h: g.h * 2 }
}

/** Bilinear sample with paper-grey outside the sheet. */
function sample(g: Grey, x: number, y: number, outside: number): number {
  if (x < 0 || y < 0 || x > g.w - 1 || y > g.h - 1) return outside
  const x0 = Math.floor(x)
  const y0 = Math.floor(y)
  const x1 = Math.min(x0 + 1, g.w - 1)
  const y1 = Math.min(y0 + 1, g.h - 1)
  const fx = x - x0
  const fy = y - y0
  const a = g.data[y0 * g.w + x0]! * (1 - fx) + g.data[y0 * g.w + x1]! * fx
  const b = g.data[y1 * g.w + x0]! * (1 - fx) + g.data[y1 * g.w + x1]! * fx
  return a * (1 - fy) + b * fy
}

export async function scanPage(pdf: Buffer, path: ScanPath, r: Rand): Promise<{ png: Buffer; detail: string }> {
  switch (path) {
    case 'clean':
      return { png: await png(await grey(await ghostscript(pdf, 'pnggray', '300')), 300), detail: 'Ghostscript pnggray 300 dpi' }
    case 'fax-g3-standard':
      return { png: await png(await fax(pdf, 'tiffg3', '204x98', true), 204), detail: 'Ghostscript tiffg3 204x98, lines doubled' }
    case 'fax-g3-fine':
      return { png: await png(await fax(pdf, 'tiffg3', '204x196', false), 204), detail: 'Ghostscript tiffg3 204x196' }
    case 'fax-g4': {
      const g = await fax(pdf, 'tiffg4', '204x196', false)
      // A noisy line: a few scan lines arrive with runs of bits flipped.
      for (let k = r.int(2, 5); k > 0; k--) {
        const y = r.int(0, g.h - 1)
        for (let x = r.int(0, g.w / 2); x < g.w; x += r.int(1, 9)) g.data[y * g.w + x] = 255 - g.data[y * g.w + x]!
      }
      return { png: await png(g, 204), detail: 'Ghostscript tiffg4 204x196, line errors' }
    }
    case 'jpeg-low': {
      const dpi = r.pick([150, 200])
      const q = r.int(18, 35)
      const colour = await ghostscript(pdf, 'png16m', String(dpi))
      // Off-white paper, then the scanner's low-quality JPEG; the readers get the decoded pixels.
      const jpeg = await sharp(colour).linear([0.97, 0.95, 0.86], [0, 0, 0]).jpeg({ quality: q, chromaSubsampling: '4:2:0' }).toBuffer()
      return {
        png: await sharp(jpeg).withMetadata({ density: dpi }).png().toBuffer(),
        detail: `Ghostscript png16m ${dpi} dpi, JPEG quality ${q}`,
      }
    }
    case 'grey-gradient': {
      const g = await grey(await ghostscript(pdf, 'pnggray', '300'))
      const side = r.chance(0.5) ? 1 : -1
      const dark = r.float(0.35, 0.55)
      const cx = r.float(0.2, 0.8) * g.w
      for (let y = 0; y < g.h; y++) {
        for (let x = 0; x < g.w; x++) {
          const t = side > 0 ? x / g.w : 1 - x / g.w
          const d = Math.hypot((x - cx) / g.w, y / g.h - 0.5)
          const light = 1 - dark * t * t - 0.25 * d * d
          const i = y * g.w + x
          // Grey ink (a worn toner) under light that falls off across the page.
          g.data[i] = clamp((40 + (g.data[i]! / 255) * 205) * light)
        }
      }
      return { png: await png(g, 300), detail: `grey 8-bit, light falling to ${Math.round((1 - dark) * 100)}% across` }
    }
    case 'skew-perspective': {
      const g = await grey(await ghostscript(pdf, 'pnggray', '300'))
      const theta = (r.float(1.2, 3) * (r.chance(0.5) ? 1 : -1) * Math.PI) / 180
      const k = r.float(0.015, 0.035)
      const out = Buffer.alloc(g.w * g.h)
      const cx = g.w / 2
      const cy = g.h / 2
      for (let y = 0; y < g.h; y++) {
        for (let x = 0; x < g.w; x++) {
          // Inverse map: undo the rotation, then the keystone (the top of the sheet farther from the lens).
          const u = (x - cx) * Math.cos(theta) + (y - cy) * Math.sin(theta)
          const v = -(x - cx) * Math.sin(theta) + (y - cy) * Math.cos(theta)
          const scale = 1 - k * (0.5 - (v + cy) / g.h)
          out[y * g.w + x] = clamp(sample(g, cx + u / scale, cy + v, 222))
        }
      }
      return {
        png: await png({ data: out, w: g.w, h: g.h }, 300),
        detail: `rotated ${((theta * 180) / Math.PI).toFixed(1)} degrees, keystone ${(k * 100).toFixed(1)}%`,
      }
    }
    case 'specks': {
      const g = await grey(await ghostscript(pdf, 'pnggray', '300'))
      const n = Math.round(g.w * g.h * r.float(0.0002, 0.0005))
      for (let k = 0; k < n; k++) {
        const x0 = r.int(0, g.w - 4)
        const y0 = r.int(0, g.h - 4)
        const s = r.int(1, 3)
        const v = r.chance(0.75) ? 0 : 255
        for (let y = y0; y < y0 + s; y++) for (let x = x0; x < x0 + s; x++) g.data[y * g.w + x] = v
      }
      return { png: await png(g, 300), detail: `${n} salt-and-pepper specks of 1-3 px` }
    }
    case 'turned': {
      const angle = r.pick([90, 180, 270])
      const g = await grey(await ghostscript(pdf, 'pnggray', '300'))
      return {
        png: await sharp(await png(g, 300))
          .rotate(angle)
          .withMetadata({ density: 300 })
          .png()
          .toBuffer(),
        detail: `turned ${angle} degrees`,
      }
    }
    case 'photocopy': {
      const g = await grey(
        await sharp(await ghostscript(pdf, 'pnggray', '300'))
          .blur(r.float(1.1, 1.8))
          .toBuffer(),
      )
      const level = r.int(150, 185)
      const edge = r.chance(0.5) ? 'left' : 'top'
      for (let y = 0; y < g.h; y++) {
        for (let x = 0; x < g.w; x++) {
          const i = y * g.w + x
          // Toner noise, then the copier's hard threshold; a lid shadow along one edge.
          const shadow = (edge === 'left' ? x : y) < 22 ? 120 : 0
          g.data[i] = g.data[i]! + (r.next() - 0.5) * 60 - shadow < level ? 0 : 255
        }
      }
      return { png: await png(g, 300), detail: `blur, threshold at ${level}, lid shadow on the ${edge}` }
    }
  }
}
