/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
/**
 * Dashboard: inbox and pipeline (files waiting, in progress, quarantined, storage), today's
 * filings, the review backlog and open deficiencies by age. Figures only, no patient data.
 *
 * GET /            the page
 * GET /dashboard/pipeline   the pipeline panel (htmx refreshes it every 15 s)
 */
import type { Hono } from 'hono'
import { can } from '../../auth/roles.js'
import { DeficienciesRepo } from '../../deficiencies/repo.js'
import type { WebDeps } from '../deps.js'
import { DeskQueries } from '../desk.js'
import { userOf, type AppEnv } from '../env.js'
import { AGE_BUCKETS, ageBucket, ageDays, plural, when } from '../format.js'
import { Flash } from '../layout.js'
import { need } from '../middleware/session.js'
import { pipelineStatusReader, type PipelineStatus } from '../pipelineStatus.js'
import { page } from '../render.js'
import { releaseDeadlines } from '../../reports/stats.js'

function Pipeline({ s, showQuarantine }: { s: PipelineStatus; showQuarantine: boolean }) {
  return (
    <section id="pipeline" class="tiles" hx-get="/dashboard/pipeline" hx-trigger="every 15s" hx-swap="outerHTML" aria-label="Inbox and pipeline">
      <div class="tile">
        <div class="tile-n">{s.inboxWaiting}</div>
        <div class="tile-label">{s.inboxWaiting === 1 ? 'file waiting in the inbox' : 'files waiting in the inbox'}</div>
      </div>
      <div class="tile">
        <div class="tile-n">{s.inProgress}</div>
        <div class="tile-label">being read now</div>
      </div>
      <div class={s.quarantined ? 'tile tile-warn' : 'tile'}>
        <div class="tile-n">{s.quarantined}</div>
        <div class="tile-label">{showQuarantine ? <a href="/quarantine">in quarantine</a> : 'in quarantine'}</div>
      </div>
      <div class={s.storage.reachable ? 'tile tile-ok' : 'tile tile-bad'}>
        <div class="tile-n tile-word">{s.storage.reachable ? 'OK' : 'DOWN'}</div>
        <div class="tile-label">
          storage {s.storage.reachable ? 'reachable' : 'unreachable'}
          <div class="muted small">{s.storage.description}</div>
          {!s.storage.reachable && s.storage.detail ? <div class="small">{s.storage.detail === 'disk full' ? 'disk full: files wait in the inbox until space is freed' : s.storage.detail}</div> : null}
        </div>
      </div>
    </section>
  )
}

export function registerDashboardRoutes(app: Hono<AppEnv>, deps: WebDeps): void {
  const status = pipelineStatusReader(deps)
  const desk = new DeskQueries(deps.catalog)
  const deficiencies = new DeficienciesRepo(deps.catalog.db)

  app.get('/dashboard/pipeline', need('desk.view'), async (c) => {
    const u = userOf(c)
    return c.html(<Pipeline s={await status()} showQuarantine={can(u.roles, 'quarantine.view')} />)
  })

  app.get('/', need('desk.view'), async (c) => {
    const u = userOf(c)
    const s = await status()
    const { clock } = deps
    const filedToday = desk.filedSince(clock.startOfToday().toISOString())
    const backlog = desk.reviewCount()
    const oldest = desk.oldestReview()
    const open = deficiencies.list({ status: 'open' })
    const buckets = Object.fromEntries(AGE_BUCKETS.map((b) => [b.key, 0])) as Record<string, number>
    for (const d of open) buckets[ageBucket(ageDays(d.createdAt, clock))]!++
    const completed = deficiencies.list({ status: 'completed' }).length
    const seeRecords = can(u.roles, 'records.view')
    const rs = deps.rules?.status()
    const releases = releaseDeadlines(deps.catalog, clock.today())
    return page(
      c,
      { title: 'Dashboard', active: 'dashboard' },
      <>
        <h1>Dashboard</h1>
        <Flash code={c.req.query('msg')} messages={{ password: 'Your new password is in force.' }} />
        <h2>Inbox and pipeline</h2>
        <Pipeline s={s} showQuarantine={can(u.roles, 'quarantine.view')} />
        <div class="columns">
          <section class="panel">
            <h2>Filing</h2>
            <dl class="facts">
              <dt>Filed today</dt>
              <dd>
                <strong>{filedToday}</strong> {filedToday === 1 ? 'document' : 'documents'}
              </dd>
              <dt>Review backlog</dt>
              <dd>
                <strong>{backlog}</strong> waiting{oldest ? <span class="muted">, oldest received {ageDays(oldest, clock) ? `${plural(ageDays(oldest, clock), 'day')} ago` : 'today'}</span> : null}
                {backlog && can(u.roles, 'review.settle') ? (
                  <>
                    {' '}
                    · <a href="/review">open the queue</a>
                  </>
                ) : null}
              </dd>
              {can(u.roles, 'release.manage') ? (
                <>
                  <dt>Release requests</dt>
                  <dd class={releases.overdue ? 'late' : undefined}>
                    <strong>{releases.open}</strong> open; {releases.dueWithin5Days} due within 5 days, <strong>{releases.overdue}</strong> past the deadline ·{' '}
                    <a href="/releases">releases</a>
                  </dd>
                </>
              ) : null}
              <dt>Documents in the catalog</dt>
              <dd>
                {s.documents.filed ?? 0} filed, {s.documents.needs_review ?? 0} in review, {s.documents.received ?? 0} being read, {s.documents.failed ?? 0} failed
              </dd>
            </dl>
          </section>
          <section class="panel">
            <h2>Open deficiencies by age</h2>
            <table class="buckets">
              <tbody>
                {AGE_BUCKETS.map((b) => (
                  <tr class={b.min > 30 && buckets[b.key] ? 'late' : undefined}>
                    <th scope="row">{b.label}</th>
                    <td class="num">{seeRecords ? <a href={`/deficiencies?status=open&age=${b.key}`}>{buckets[b.key]}</a> : buckets[b.key]}</td>
                  </tr>
                ))}
                <tr class="total">
                  <th scope="row">Open in all</th>
                  <td class="num">{open.length}</td>
                </tr>
              </tbody>
            </table>
            <p class="muted small">
              {completed} completed and waiting for verification. Delinquent: open more than 30 days.
            </p>
          </section>
        </div>
        {rs && can(u.roles, 'rules.view') ? (
          <section class={rs.lastError ? 'panel panel-bad' : 'panel'}>
            <h2>Rule set</h2>
            <p>
              {rs.version ? (
                <>
                  Version <code>{rs.version}</code> with {plural(rs.rules, 'rule')}, loaded {when(rs.loadedAt, deps.clock)}.
                </>
              ) : (
                'No rule set has loaded.'
              )}{' '}
              {rs.lastError ? <strong>The latest edit of the rule files was refused; the previous rules stay in force. </strong> : null}
              <a href="/rules">Rules page</a>
            </p>
          </section>
        ) : null}
      </>,
    )
  })
}
