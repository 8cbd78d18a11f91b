/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
/**
 * The audit log for auditors: search by person, action, chart, document and dates; check the
 * hash chain. Looking at the audit log is itself audited.
 *
 * GET  /audit
 * POST /audit/verify      check the chain now (htmx fragment)
 */
import type { Hono } from 'hono'
import { latestCheckpoint } from '../../audit/checkpoint.js'
import { AUDIT_ACTIONS } from '../../audit/log.js'
import type { WebDeps } from '../deps.js'
import { audit, isHtmx, type AppEnv } from '../env.js'
import { when } from '../format.js'
import { Badge, Csrf, Empty } from '../layout.js'
import { need } from '../middleware/session.js'
import { page } from '../render.js'

const PAGE = 100
const GROUPS = [...new Set(AUDIT_ACTIONS.map((a) => a.split('.')[0]!))]

function detailText(d: Record<string, unknown>): string {
  return Object.entries(d)
    .filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && !v.length))
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(' · ')
}

export function registerAuditRoutes(app: Hono<AppEnv>, deps: WebDeps): void {
  app.get('/audit', need('audit.view'), async (c) => {
    const q = (k: string, max = 80) => (c.req.query(k) ?? '').trim().slice(0, max)
    const action = q('action')
    const f = {
      actor: q('actor'),
      action: (AUDIT_ACTIONS as readonly string[]).includes(action) || GROUPS.includes(action) ? action : '',
      patientMrn: q('mrn'),
      targetId: q('document'),
      from: /^\d{4}-\d{2}-\d{2}$/.test(q('from')) ? q('from') : '',
      to: /^\d{4}-\d{2}-\d{2}$/.test(q('to')) ? q('to') : '',
    }
    const offset = Math.max(0, Math.min(1_000_000, Number(c.req.query('offset') ?? 0) || 0))
    const { rows, total } = await deps.audit.search({
      actor: f.actor || undefined,
      action: f.action || undefined,
      patientMrn: f.patientMrn || undefined,
      targetKind: f.targetId ? 'document' : undefined,
      targetId: f.targetId || undefined,
      from: f.from || undefined,
      to: f.to || undefined,
      timeZone: deps.clock.timeZone,
      limit: PAGE,
      offset,
    })
    await audit(c, { action: 'audit.view', detail: { ...f, rows: rows.length } })
    const qs = (o: number) => {
      const p = new URLSearchParams()
      for (const [k, v] of Object.entries({
        actor: f.actor,
        action: f.action,
        mrn: f.patientMrn,
        document: f.targetId,
        from: f.from,
        to: f.to,
      }))
        if (v) p.set(k, v)
      if (o) p.set('offset', String(o))
      const s = p.toString()
      return s ? `?${s}` : ''
    }
    return page(
      c,
      { title: 'Audit log', active: 'audit', wide: true },
      <>
        <div class="item-head">
          <h1>Audit log</h1>
          <form method="post" action="/audit/verify" hx-post="/audit/verify" hx-target="#chain" hx-swap="innerHTML" class="inline no-print">
            <Csrf token={c.get('csrf')} />
            <button type="submit">Check the chain now</button>
          </form>
        </div>
        <div id="chain" aria-live="polite"></div>
        <form method="get" action="/audit" class="filters no-print">
          <label>
            Person
            <input name="actor" value={f.actor} size={12} />
          </label>
          <label>
            Action
            <select name="action">
              <option value="">any</option>
              {GROUPS.map((g) => (
                <option value={g} selected={f.action === g}>
                  {g} (all)
                </option>
              ))}
              {AUDIT_ACTIONS.map((a) => (
                <option value={a} selected={f.action === a}>
                  {a}
                </option>
              ))}
            </select>
          </label>
          <label>
            Chart (MRN)
            <input name="mrn" value={f.patientMrn} size={12} />
          </label>
          <label>
            Document
            <input name="document" value={f.targetId} size={6} inputmode="numeric" />
          </label>
          <label>
            From
            <input type="date" name="from" value={f.from} />
          </label>
          <label>
            To
            <input type="date" name="to" value={f.to} />
          </label>
          <button type="submit">Search</button>
          <a href="/audit">Clear</a>
        </form>
        <p class="muted">
          {total} {total === 1 ? 'entry' : 'entries'}
          {total > PAGE ? `, showing ${offset + 1}–${Math.min(total, offset + PAGE)}` : ''}, newest first.
        </p>
        {rows.length ? (
          <table class="list audit">
            <thead>
              <tr>
                <th>#</th>
                <th>When</th>
                <th>Who</th>
                <th>From</th>
                <th>Action</th>
                <th>What</th>
                <th>Chart</th>
                <th>Detail</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr class={r.outcome !== 'ok' ? 'late' : undefined}>
                  <td class="num">{r.id}</td>
                  <td class="nowrap">{when(r.at, deps.clock)}</td>
                  <td>{r.actor}</td>
                  <td class="small">{r.source ?? ''}</td>
                  <td>
                    <code>{r.action}</code> {r.outcome !== 'ok' ? <Badge kind="bad">{r.outcome}</Badge> : null}
                  </td>
                  <td class="small">{r.targetKind ? `${r.targetKind} ${r.targetId ?? ''}` : ''}</td>
                  <td class="nowrap">{r.patientMrn ?? ''}</td>
                  <td class="small detail">{detailText(r.detail)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <Empty>No entries match.</Empty>
        )}
        <p class="pager no-print">
          {offset > 0 ? <a href={`/audit${qs(Math.max(0, offset - PAGE))}`}>← newer</a> : null}
          {offset + PAGE < total ? <a href={`/audit${qs(offset + PAGE)}`}>older →</a> : null}
        </p>
      </>,
    )
  })

  app.post('/audit/verify', need('audit.view'), async (c) => {
    // Against the latest checkpoint in the object store (catches a cut-off tail); without it when storage is down.
    const cp = await latestCheckpoint(deps.store).catch((err: unknown) => {
      deps.log.warn({ code: (err as { code?: string }).code ?? 'unknown' }, 'audit verify: checkpoint not readable')
      return null
    })
    const r = await deps.audit.verify(cp)
    await audit(c, { action: 'audit.verify', detail: { ok: r.ok, rows: r.rows, firstBroken: r.firstBroken?.id ?? null } })
    const body = r.ok ? (
      <p class="flash">
        The chain is whole: {r.rows} entries, each linked to the one before. Head <code class="hash">{r.head}</code>
      </p>
    ) : (
      <p class="flash flash-bad" role="alert">
        The chain is broken at entry {r.firstBroken!.id}: {r.firstBroken!.problem}. {r.rows} entries before it are intact.
      </p>
    )
    return isHtmx(c) ? c.html(body) : page(c, { title: 'Audit chain', active: 'audit' }, body)
  })
}
