/**
 * Small stacked bar charts as plain SVG text: no script, no styles (the desk's Content-Security-
 * Policy allows neither inline), the same markup on the desk and in a printed report. Every bar
 * segment carries its date, series and value (`data-*`) and a hover title; the chart says what it
 * shows in its <title> and <desc> for screen readers.
 *
 * @example
 *   stackedBars({ id: 'filed', title: 'Documents filed per day', dates, series: [
 *     { key: 'auto', label: 'filed by chartclerk', fill: '#4a7fb5', values: [3, 0, 5] },
 *     { key: 'review', label: 'filed after review', fill: '#e0a030', values: [1, 0, 2] } ] })
 */
import { esc } from './html.js'

export interface BarSeries {
  key: string
  label: string
  fill: string
  /** One value per date. */
  values: number[]
}

export interface StackedBarsSpec {
  /** Short id for the chart (ids and data-chart); letters, digits and dashes. */
  id: string
  title: string
  /** What the reader should take from it, one sentence (also the <desc>). */
  description?: string
  dates: string[]
  series: BarSeries[]
  /** Appended to each value in the hover titles (" documents"). */
  unit?: string
  width?: number
  height?: number
}

export const CHART_COLOURS = {
  blue: '#3f6fa6',
  amber: '#d8902a',
  green: '#5b9a5b',
  yellow: '#d9c24a',
  orange: '#d9772a',
  red: '#b8402f',
  darkRed: '#7a1f14',
} as const

/** A round number at or above `n` for the top of the axis (1, 2, 5, 10, 20, 50, ...). */
export function niceMax(n: number): number {
  if (n <= 0) return 1
  const p = 10 ** Math.floor(Math.log10(n))
  for (const m of [1, 2, 5, 10]) if (m * p >= n) return m * p
  return 10 * p
}

const round = (x: number) => Math.round(x * 100) / 100
const shortDate = (d: string) => d.slice(5)

export function stackedBars(spec: StackedBarsSpec): string {
  // about the size it is shown at (half the desk's width), so its text reads at its font size
  const W = spec.width ?? 460
  const H = spec.height ?? 170
  const left = 34
  const right = 8
  const top = 10
  const bottom = 40
  const plotW = W - left - right
  const plotH = H - top - bottom
  const n = spec.dates.length
  const totals = spec.dates.map((_, i) => spec.series.reduce((s, x) => s + (x.values[i] ?? 0), 0))
  const max = niceMax(Math.max(0, ...totals))
  const slot = n ? plotW / n : plotW
  const barW = Math.max(1, slot * 0.72)
  const y = (v: number) => top + plotH - (v / max) * plotH
  const unit = spec.unit ?? ''
  const titleId = `chart-${spec.id}-title`
  const descId = `chart-${spec.id}-desc`
  const out: string[] = []
  out.push(
    `<svg class="chart" data-chart="${esc(spec.id)}" data-max="${max}" data-plot-height="${plotH}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="${titleId} ${descId}">`,
    `<title id="${titleId}">${esc(spec.title)}</title>`,
    `<desc id="${descId}">${esc(spec.description ?? spec.title)}</desc>`,
  )
  // axis and grid: 0, half (when it is a whole number), max
  for (const v of max % 2 ? [0, max] : [0, max / 2, max]) {
    const yy = round(y(v))
    out.push(`<path d="M${left} ${yy}H${W - right}" stroke="${v === 0 ? '#555' : '#d5d9e0'}" stroke-width="1"></path>`)
    out.push(
      `<text x="${left - 4}" y="${round(yy + 3.5)}" text-anchor="end" font-size="10" fill="#444">${Number.isInteger(v) ? v : round(v)}</text>`,
    )
  }
  for (let i = 0; i < n; i++) {
    const x = round(left + i * slot + (slot - barW) / 2)
    let base = 0
    const parts: string[] = []
    for (const s of spec.series) {
      const v = s.values[i] ?? 0
      const h = round((v / max) * plotH)
      const yy = round(y(base + v))
      parts.push(
        `<rect class="bar" data-date="${esc(spec.dates[i])}" data-series="${esc(s.key)}" data-value="${v}" x="${x}" y="${yy}" width="${round(barW)}" height="${h}" fill="${s.fill}"><title>${esc(spec.dates[i])}: ${v} ${esc(s.label)}${unit}</title></rect>`,
      )
      base += v
    }
    out.push(`<g class="day" data-date="${esc(spec.dates[i])}" data-total="${totals[i]}">${parts.join('')}</g>`)
  }
  // date labels: first, middle, last
  const marks = n > 2 ? [0, Math.floor((n - 1) / 2), n - 1] : [...Array(n).keys()]
  for (const i of marks) {
    const cx = round(left + i * slot + slot / 2)
    out.push(
      `<text class="date" x="${cx}" y="${top + plotH + 13}" text-anchor="middle" font-size="10" fill="#444">${esc(shortDate(spec.dates[i]!))}</text>`,
    )
  }
  // legend
  let lx = left
  const ly = H - 10
  for (const s of spec.series) {
    out.push(`<rect x="${lx}" y="${ly - 9}" width="10" height="10" fill="${s.fill}"></rect>`)
    out.push(`<text class="legend" x="${lx + 14}" y="${ly}" font-size="10.5" fill="#222">${esc(s.label)}</text>`)
    lx += 22 + s.label.length * 5.6
  }
  out.push('</svg>')
  return out.join('')
}
