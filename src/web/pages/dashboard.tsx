/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
/**
 * Dashboard: inbox and pipeline (files waiting, in progress, quarantined, storage), today's
 * filings, the review backlog and open deficiencies by age (the deficiency report's buckets),
 * and pictures of the last 30 days (reports/timelineCharts.ts). Figures only, no patient data.
 * An administrator alone on a new desk is told how to add the desk's accounts.
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
import { ageDays, plural, when } from '../format.js'
import { Flash } from '../layout.js'
import { need } from '../middleware/session.js'
import { pipelineStatusReader, type PipelineStatus } from '../pipelineStatus.js'
import { page } from '../render.js'
import { AGING_BUCKET_LABELS, AGING_BUCKETS } from '../../reports/aging.js'
import { addDays } from '../../clock/calendar.js'
import { computeStats, releaseDeadlines } from '../../reports/stats.js'
import { statsBodyHtml } from '../../reports/statsReport.js'
import { keptUntilChanged } from '../../reports/keptUntilChanged.js'
import { buildTimeline } from '../../reports/timeline.js'
import { timelineCharts, type TimelineChart } from '../../reports/timelineCharts.js'
import { raw } from 'hono/html'
import { openByAge, RulesetName } from './deficiencies.js'
import { RulesetVersions, type RulesetLabel } from '../../deficiencies/rulesetVersions.js'
import { nodeName, rulesetAgreement, type RulesetAgreement } from '../../nodes/registry.js'

function Pipeline({ s, showQuarantine }: { s: PipelineStatus; showQuarantine: boolean }) {
  return (
    <section
      id="pipeline"
      class="tiles"
      hx-get="/dashboard/pipeline"
      hx-trigger="every 15s"
      hx-swap="outerHTML"
      aria-label="Inbox and pipeline"
    >
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
          {!s.storage.reachable && s.storage.detail ? (
            <div class="small">
              {s.storage.detail === 'disk full' ? 'disk full: files wait in the inbox until space is freed' : s.storage.detail}
            </div>
          ) : null}
        </div>
      </div>
    </section>
  )
}

/** The last 30 days in pictures, each with its caption in words. */
export function Charts({ charts }: { charts: TimelineChart[] }) {
  return (
    <div class="charts">
      {charts.map((ch) => (
        <figure class="chart-figure" data-chart={ch.id}>
          <figcaption>
            <strong>{ch.title}</strong>
            <div class="small muted">{ch.caption}</div>
          </figcaption>
          {raw(ch.svg)}
        </figure>
      ))}
    </div>
  )
}

/** An administrator alone on a new desk: the next step is the desk's own accounts. */
function FirstSteps() {
  return (
    <section class="panel panel-hint" data-first-steps>
      <h2>Next: add the desk's accounts</h2>
      <p>
        You are the only account. The records desk is run by its own people: add one account for each of them on the{' '}
        <a href="/admin/users">Users</a> page, with their roles (clerk: review and charts; lead: rules and decisions on deficiencies;
        provider: their routed reports; auditor: the audit log). Each gets a one-time password to change at the first sign-in.
      </p>
      <p class="small">
        From the command line: <code>chartclerk user add mlopez --role clerk --name "Maria Lopez"</code>
      </p>
    </section>
  )
}

/** Shown when the running nodes (start, serve, workers) do not all have the same rule set in force. */
function NodesDisagree({ a, versions, freshSeconds }: { a: RulesetAgreement; versions: Map<string, RulesetLabel>; freshSeconds: number }) {
  return (
    <section class="panel panel-bad" role="alert" data-nodes-disagree>
      <h2>The nodes disagree on the rule set</h2>
      <p>
        The {a.nodes.length} chartclerk processes heard from in the last {freshSeconds} seconds do not all have the same rule set in force,
        so the same document may be judged differently depending on which one reads it. Give every machine the same rule files.
      </p>
      <ul>
        {a.versions.map((v) => (
          <li>
            {v.version ? <RulesetName version={v.version} versions={versions} /> : 'no rule set loaded'}:{' '}
            {v.nodes.map((n) => nodeName(n)).join(', ')}
          </li>
        ))}
      </ul>
    </section>
  )
}

export function registerDashboardRoutes(app: Hono<AppEnv>, deps: WebDeps): void {
  const status = pipelineStatusReader(deps)
  const desk = new DeskQueries(deps.catalog)
  const deficiencies = new DeficienciesRepo(deps.sql)

  app.get('/dashboard/pipeline', need('desk.view'), async (c) => {
    const u = userOf(c)
    return c.html(<Pipeline s={await status()} showQuarantine={can(u.roles, 'quarantine.view')} />)
  })

  app.get('/statistics', need('desk.view'), async (c) => {
    const u = userOf(c)
    const to = deps.clock.today()
    const s = await computeStats(deps.catalog, deps.sql, {
      from: addDays(to, -29),
      to,
      delinquentAfterDays: deps.config.deficiencies.delinquentAfterDays,
      clock: deps.clock,
    })
    const releases = can(u.roles, 'release.manage')
    const charts = timelineCharts(await buildTimeline(deps.catalog, deps.sql, s.period, deps.clock), { releases })
    return page(
      c,
      {
        title: 'Statistics',
        active: 'dashboard',
        wide: true,
        printTitle: `Records department statistics, ${s.period.from} to ${s.period.to}`,
        patientData: false,
      },
      <>
        <div class="item-head">
          <div>
            <h1>Records department statistics</h1>
            <p class="muted">
              {s.period.from} to {s.period.to} ({s.period.days} days) · figures only, no patient information
            </p>
          </div>
          <div class="actions no-print">
            <button type="button" data-print class="primary">
              Print
            </button>
            <a class="button" href="/">
              Back to the dashboard
            </a>
          </div>
        </div>
        {raw(statsBodyHtml(s, charts, { releases }))}
      </>,
    )
  })

  app.get('/', need('desk.view'), async (c) => {
    const u = userOf(c)
    const s = await status()
    const { clock } = deps
    const filedToday = await desk.filedSince(clock.startOfToday().toISOString())
    const backlog = await desk.reviewCount()
    const oldest = await desk.oldestReview()
    const aging = await openByAge(deps)
    const to = clock.today()
    const from = addDays(to, -29)
    const timeline = await keptUntilChanged(deps.catalog, deps.sql, `timeline ${from} ${to}`, () =>
      buildTimeline(deps.catalog, deps.sql, { from, to }, clock),
    )
    const charts = timelineCharts(timeline, { releases: can(u.roles, 'release.manage') })
    const alone = can(u.roles, 'users.manage') && !can(u.roles, 'records.view') && (await deps.users.count()) <= 1
    const versions = await new RulesetVersions(deps.sql).all()
    const completed = (await deficiencies.list({ status: 'completed' })).length
    const seeRecords = can(u.roles, 'records.view')
    const rs = deps.rules?.status()
    const releases = await releaseDeadlines(deps.sql, clock.today())
    const freshSeconds = deps.config.nodes.freshSeconds
    const nodes = deps.nodes ? rulesetAgreement(await deps.nodes.seenWithin(freshSeconds * 1000)) : null
    return page(
      c,
      { title: 'Dashboard', active: 'dashboard' },
      <>
        <h1>Dashboard</h1>
        <Flash code={c.req.query('msg')} messages={{ password: 'Your new password is in force.' }} />
        {alone ? <FirstSteps /> : null}
        {nodes && !nodes.agree ? <NodesDisagree a={nodes} versions={versions} freshSeconds={freshSeconds} /> : null}
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
                <strong>{backlog}</strong> waiting
                {oldest ? (
                  <span class="muted">
                    , oldest received {ageDays(oldest, clock) ? `${plural(ageDays(oldest, clock), 'day')} ago` : 'today'}
                  </span>
                ) : null}
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
                    <strong>{releases.open}</strong> open; {releases.dueWithin5Days} due within 5 days, <strong>{releases.overdue}</strong>{' '}
                    past the deadline · <a href="/releases">releases</a>
                  </dd>
                </>
              ) : null}
              <dt>Documents in the catalog</dt>
              <dd>
                {s.documents.filed ?? 0} filed, {s.documents.needs_review ?? 0} in review, {s.documents.received ?? 0} being read,{' '}
                {s.documents.failed ?? 0} failed
              </dd>
            </dl>
          </section>
          <section class="panel">
            <h2>Open deficiencies by age</h2>
            <table class="buckets" data-aging>
              <tbody>
                {AGING_BUCKETS.map((b) => (
                  <tr class={(b === '31-60' || b === '>60') && aging.buckets[b] ? 'late' : undefined}>
                    <th scope="row">{AGING_BUCKET_LABELS[b]}</th>
                    <td class="num" data-bucket={b}>
                      {seeRecords ? (
                        <a href={`/deficiencies?status=open&age=${encodeURIComponent(b)}`}>{aging.buckets[b]}</a>
                      ) : (
                        aging.buckets[b]
                      )}
                    </td>
                  </tr>
                ))}
                <tr class="total">
                  <th scope="row">Open in all</th>
                  <td class="num" data-total>
                    {aging.open}
                  </td>
                </tr>
                <tr class={aging.delinquent ? 'late' : undefined}>
                  <th scope="row">Delinquent</th>
                  <td class="num" data-delinquent>
                    {aging.delinquent}
                  </td>
                </tr>
              </tbody>
            </table>
            <p class="muted small">
              {completed} completed and waiting for verification. Delinquent: open more than {aging.delinquentAfterDays} days.
            </p>
          </section>
        </div>
        <section class="panel">
          <div class="item-head">
            <h2>The last 30 days</h2>
            <a class="button no-print" href="/statistics">
              Printable statistics
            </a>
          </div>
          <Charts charts={charts} />
        </section>
        {rs && can(u.roles, 'rules.view') ? (
          <section class={rs.lastError ? 'panel panel-bad' : 'panel'}>
            <h2>Rule set</h2>
            <p>
              {rs.version ? (
                <>
                  In force: <RulesetName version={rs.version} versions={versions} />, {plural(rs.rules, 'rule')}, loaded{' '}
                  {when(rs.loadedAt, deps.clock)}.
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
