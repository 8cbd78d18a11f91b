/**
 * Pages built as HTML fragments that carry their own ground truth: every string put on the
 * page is recorded, in the order it is written, as the words a reader should read back.
 * Drawn things (logos, signatures, boxes) carry no text.
 */

export interface Frag {
  html: string
  /** The printed words of the fragment, in reading order. */
  text: string
}

type Child = Frag | string | null | false | undefined

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

export function cat(...children: Child[]): Frag {
  const kids = children.filter((c): c is Frag | string => Boolean(c))
  return {
    html: kids.map((c) => (typeof c === 'string' ? esc(c) : c.html)).join(''),
    text: kids
      .map((c) => (typeof c === 'string' ? c : c.text))
      .filter((t) => t.trim())
      .join(' '),
  }
}

/** An element; `attrs` is written as is (class="..." style="..."). */
export function el(tag: string, attrs: string, ...children: Child[]): Frag {
  const c = cat(...children)
  return { html: `<${tag}${attrs ? ` ${attrs}` : ''}>${c.html}</${tag}>`, text: c.text }
}

/** Drawn, not printed text: shapes, rules, empty boxes. */
export const art = (html: string): Frag => ({ html, text: '' })

/** A signature: a pen stroke drawn as an SVG path, never text. */
export function squiggle(seed: number): Frag {
  const a = 10 + (seed % 7) * 3
  const b = 18 + (seed % 5) * 4
  return art(
    `<svg width="190" height="52" viewBox="0 0 190 52"><path d="M4 38 C 20 ${38 - b}, 34 ${38 + a}, 52 24 S 80 ${10 + a}, 96 30 C 110 46, 124 ${8 + b / 2}, 140 26 S 170 40, 186 ${20 + a / 2}" fill="none" stroke="#14143c" stroke-width="2.2" stroke-linecap="round"/></svg>`,
  )
}

/** A whole Letter-size page: one sheet, nothing may spill onto a second. */
export function htmlPage(body: Frag, css: string, opts: { tilt?: number } = {}): { html: string; truth: string } {
  const tilt = opts.tilt ? `transform: rotate(${opts.tilt}deg); transform-origin: 50% 50%;` : ''
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>
@page { size: 8.5in 11in; margin: 0 }
html, body { margin: 0; padding: 0; }
body { width: 8.5in; height: 11in; overflow: hidden; position: relative; color: #111; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.sheet { position: absolute; inset: 0; padding: 0.6in 0.75in; box-sizing: border-box; ${tilt} }
${css}
</style></head><body><div class="sheet">${body.html}</div></body></html>`
  return { html, truth: body.text }
}
