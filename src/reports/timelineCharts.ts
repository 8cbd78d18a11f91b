/**
 * The four pictures of the department's last weeks, drawn from the timeline (timeline.ts) as SVG
 * (svgChart.ts): documents filed per day with the share that went through review, the review
 * backlog, open deficiencies by age, and release requests against their deadlines. Each comes
 * with a one-line caption in words, so the figure is there for those who read rather than look.
 */
import { AGING_BUCKET_LABELS, AGING_BUCKETS } from './aging.js'
import { CHART_COLOURS, stackedBars } from './svgChart.js'
import type { Timeline } from './timeline.js'

export interface TimelineChart {
  id: 'filed' | 'backlog' | 'deficiencies' | 'releases'
  title: string
  caption: string
  svg: string
}

const BUCKET_FILL = [CHART_COLOURS.green, CHART_COLOURS.yellow, CHART_COLOURS.orange, CHART_COLOURS.red, CHART_COLOURS.darkRed]

const pct = (x: number) => `${Math.round(x * 100)}%`
const n = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`

export function timelineCharts(t: Timeline, o: { releases?: boolean } = {}): TimelineChart[] {
  const dates = t.days.map((d) => d.date)
  const last = t.days[t.days.length - 1]
  const period = `${t.from} to ${t.to}`
  const charts: TimelineChart[] = []

  const auto = t.days.map((d) => d.filedAuto)
  const review = t.days.map((d) => d.filedReview)
  const filed = auto.reduce((a, b) => a + b, 0) + review.reduce((a, b) => a + b, 0)
  const reviewed = review.reduce((a, b) => a + b, 0)
  const filedCaption = filed
    ? `${n(filed, 'document')} filed, ${pct(reviewed / filed)} of them after review (${period}).`
    : `Nothing was filed from ${period}.`
  charts.push({
    id: 'filed',
    title: 'Documents filed per day',
    caption: filedCaption,
    svg: stackedBars({
      id: 'filed',
      title: 'Documents filed per day',
      description: filedCaption,
      dates,
      unit: '',
      series: [
        { key: 'auto', label: 'filed by chartclerk', fill: CHART_COLOURS.blue, values: auto },
        { key: 'review', label: 'filed after review', fill: CHART_COLOURS.amber, values: review },
      ],
    }),
  })

  const waiting = t.days.map((d) => d.waiting)
  const peak = Math.max(0, ...waiting)
  const backlogCaption = `${n(last?.waiting ?? 0, 'document')} waiting for review at the end of ${t.to}; at most ${peak} in the period.`
  charts.push({
    id: 'backlog',
    title: 'Review backlog at the end of each day',
    caption: backlogCaption,
    svg: stackedBars({
      id: 'backlog',
      title: 'Review backlog at the end of each day',
      description: backlogCaption,
      dates,
      series: [{ key: 'waiting', label: 'waiting for review', fill: CHART_COLOURS.blue, values: waiting }],
    }),
  })

  const openNow = last ? AGING_BUCKETS.reduce((s, b) => s + last.deficiencies[b], 0) : 0
  const oldNow = last ? last.deficiencies['31-60'] + last.deficiencies['>60'] : 0
  const defCaption = `${n(openNow, 'deficiency', 'deficiencies')} open at the end of ${t.to}, ${oldNow} of them older than 30 days.`
  charts.push({
    id: 'deficiencies',
    title: 'Open deficiencies by age',
    caption: defCaption,
    svg: stackedBars({
      id: 'deficiencies',
      title: 'Open deficiencies by age',
      description: defCaption,
      dates,
      series: AGING_BUCKETS.map((b, i) => ({
        key: b,
        label: AGING_BUCKET_LABELS[b].replace(' days', 'd'),
        fill: BUCKET_FILL[i]!,
        values: t.days.map((d) => d.deficiencies[b]),
      })),
    }),
  })

  if (o.releases !== false) {
    const relCaption = `${n((last?.releasesOnTime ?? 0) + (last?.releasesOverdue ?? 0), 'release request')} outstanding at the end of ${t.to}, ${last?.releasesOverdue ?? 0} past the deadline.`
    charts.push({
      id: 'releases',
      title: 'Release requests against their deadlines',
      caption: relCaption,
      svg: stackedBars({
        id: 'releases',
        title: 'Release requests against their deadlines',
        description: relCaption,
        dates,
        series: [
          { key: 'on-time', label: 'within the deadline', fill: CHART_COLOURS.green, values: t.days.map((d) => d.releasesOnTime) },
          { key: 'overdue', label: 'past the deadline', fill: CHART_COLOURS.red, values: t.days.map((d) => d.releasesOverdue) },
        ],
      }),
    })
  }
  return charts
}
