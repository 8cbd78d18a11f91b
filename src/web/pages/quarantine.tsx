/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
/**
 * Quarantine: files that could not be processed, why, and what to do. Once the cause is fixed
 * (an unlocked PDF, storage back), Retry moves the file back into the inbox, where the watcher
 * takes it again; its note is removed.
 *
 * GET  /quarantine
 * POST /quarantine/retry      form field `file`: a quarantined file's name, as listed
 */
import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Hono } from 'hono'
import { can } from '../../auth/roles.js'
import { moveFile } from '../../ingest/fsMove.js'
import { listQuarantine, safeName } from '../../ingest/quarantine.js'
import type { WebDeps } from '../deps.js'
import { audit, userOf, type AppEnv } from '../env.js'
import { when } from '../format.js'
import { Csrf, Empty, Flash } from '../layout.js'
import { need } from '../middleware/session.js'
import { field, page } from '../render.js'

/** A free name in the inbox for a file coming back (never overwrites a file waiting there). */
function inboxTarget(inbox: string, name: string): string {
  const ext = path.extname(name)
  const base = name.slice(0, name.length - ext.length)
  let p = path.join(inbox, name)
  for (let i = 2; existsSync(p); i++) p = path.join(inbox, `${base} (retry ${i})${ext}`)
  return p
}

export function registerQuarantineRoutes(app: Hono<AppEnv>, deps: WebDeps): void {
  const dir = path.resolve(deps.config.quarantineDir)

  app.get('/quarantine', need('quarantine.view'), async (c) => {
    const u = userOf(c)
    const notes = (await listQuarantine(dir)).sort((a, b) => b.quarantinedAt.localeCompare(a.quarantinedAt))
    const present = new Set(await fs.readdir(dir).catch(() => [] as string[]))
    audit(c, { action: 'quarantine.view', detail: { files: notes.length } })
    return page(
      c,
      { title: 'Quarantine', active: 'quarantine', wide: true },
      <>
        <h1>Quarantine</h1>
        <Flash
          code={c.req.query('msg')}
          messages={{
            retried: 'The file is back in the inbox; chartclerk will take it again in a moment.',
            'error-gone': 'That file is no longer in quarantine (someone may have moved it already).',
          }}
        />
        <p class="lede">
          Files chartclerk could not process. Each says what went wrong and what to do. Fix the cause first, then <strong>Retry</strong> puts the file back in the inbox (
          <code>{deps.config.watch.inbox}</code>).
        </p>
        {notes.length ? (
          <table class="list">
            <thead>
              <tr>
                <th>File</th>
                <th>Quarantined</th>
                <th>What went wrong</th>
                <th>What to do</th>
                <th class="no-print"></th>
              </tr>
            </thead>
            <tbody>
              {notes.map((n) => (
                <tr>
                  <td>
                    <strong>{n.file}</strong>
                    {n.sourceFolder ? <div class="small muted">from {n.sourceFolder}/</div> : null}
                  </td>
                  <td class="nowrap">{when(n.quarantinedAt, deps.clock)}</td>
                  <td>
                    <code>{n.code}</code>
                    {n.stage ? <div class="small muted">at {n.stage}</div> : null}
                  </td>
                  <td>{n.message}</td>
                  <td class="no-print">
                    {!present.has(n.file) ? (
                      <span class="muted small">file missing</span>
                    ) : can(u.roles, 'quarantine.retry') ? (
                      <form method="post" action="/quarantine/retry" class="inline">
                        <Csrf token={c.get('csrf')} />
                        <input type="hidden" name="file" value={n.file} />
                        <button type="submit">Retry</button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <Empty>Nothing is in quarantine.</Empty>
        )}
      </>,
    )
  })

  app.post('/quarantine/retry', need('quarantine.retry'), async (c) => {
    const body = await c.req.parseBody()
    const name = field(body, 'file')
    // Only a name exactly as listed, with its note, inside the quarantine folder: never a path.
    const note = name && name === safeName(name) && name === path.basename(name) ? (await listQuarantine(dir)).find((n) => n.file === name) : undefined
    const from = note ? path.join(dir, note.file) : null
    if (!note || !from || path.dirname(path.resolve(from)) !== dir) return c.text('No such file in quarantine.', 404)
    if (!existsSync(from)) return c.redirect('/quarantine?msg=error-gone', 303)
    await fs.mkdir(deps.config.watch.inbox, { recursive: true })
    const to = inboxTarget(deps.config.watch.inbox, note.file)
    await moveFile(from, to)
    await fs.rm(`${from}.error.json`, { force: true })
    audit(c, { action: 'quarantine.retry', targetKind: 'quarantine', targetId: note.file, detail: { code: note.code, stage: note.stage, sha256: note.sha256, to: path.basename(to) } })
    deps.log.info({ code: note.code, jobId: note.jobId }, 'quarantined file moved back to the inbox for a retry')
    return c.redirect('/quarantine?msg=retried', 303)
  })
}
