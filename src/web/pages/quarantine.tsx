/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
/**
 * Quarantine: files that could not be processed, why, and what to do. Once the cause is fixed
 * (an unlocked PDF, storage back), Retry moves the file back into the inbox, where the watcher
 * takes it again; its note is removed. A file that will never be read (a blank page, a duplicate
 * fax) a records lead discards with a reason: it moves to the discard folder with its note, audited,
 * never deleted.
 *
 * GET  /quarantine
 * POST /quarantine/retry      form field `file`: a quarantined file's name, as listed
 * POST /quarantine/discard    form fields `file` and `reason`
 */
import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Hono } from 'hono'
import { can } from '../../auth/roles.js'
import { moveFile } from '../../ingest/fsMove.js'
import { discardDir, discardQuarantined, listQuarantine, safeName, type QuarantineNote } from '../../ingest/quarantine.js'
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
    await audit(c, { action: 'quarantine.view', detail: { files: notes.length } })
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
            discarded: 'The file was moved to the discard folder with your reason.',
            'error-reason': 'Say why the file is discarded (a few words), then Discard again.',
          }}
        />
        <p class="lede">
          Files chartclerk could not process. Each says what went wrong and what to do. Fix the cause first, then <strong>Retry</strong>{' '}
          puts the file back in the inbox (<code>{deps.config.watch.inbox}</code>).
          {can(u.roles, 'quarantine.discard') ? (
            <>
              {' '}
              A file that will never be read can be discarded with a reason: it is kept in{' '}
              <code>{discardDir(deps.config.quarantineDir)}</code>, never deleted.
            </>
          ) : null}
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
                    ) : (
                      <>
                        {can(u.roles, 'quarantine.retry') ? (
                          <form method="post" action="/quarantine/retry" class="inline">
                            <Csrf token={c.get('csrf')} />
                            <input type="hidden" name="file" value={n.file} />
                            <button type="submit">Retry</button>
                          </form>
                        ) : null}
                        {can(u.roles, 'quarantine.discard') ? (
                          <form method="post" action="/quarantine/discard" class="discard-form">
                            <Csrf token={c.get('csrf')} />
                            <input type="hidden" name="file" value={n.file} />
                            <input
                              name="reason"
                              placeholder="Why discard it"
                              aria-label={`Reason to discard ${n.file}`}
                              maxlength={300}
                              required
                              minlength={3}
                            />
                            <button type="submit">Discard</button>
                          </form>
                        ) : null}
                      </>
                    )}
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

  /** Only a name exactly as listed, with its note, inside the quarantine folder: never a path. */
  const listed = async (name: string): Promise<QuarantineNote | undefined> => {
    const note =
      name && name === safeName(name) && name === path.basename(name) ? (await listQuarantine(dir)).find((n) => n.file === name) : undefined
    return note && path.dirname(path.resolve(dir, note.file)) === dir ? note : undefined
  }

  app.post('/quarantine/discard', need('quarantine.discard'), async (c) => {
    const u = userOf(c)
    const body = await c.req.parseBody()
    const note = await listed(field(body, 'file'))
    const reason = field(body, 'reason').slice(0, 300)
    if (!note) return c.text('No such file in quarantine.', 404)
    if (reason.length < 3) return c.redirect('/quarantine?msg=error-reason', 303)
    if (!existsSync(path.join(dir, note.file))) return c.redirect('/quarantine?msg=error-gone', 303)
    const { to } = await discardQuarantined(dir, note, { by: u.username, reason })
    await audit(c, {
      action: 'quarantine.discard',
      targetKind: 'quarantine',
      targetId: note.file,
      detail: { code: note.code, stage: note.stage, sha256: note.sha256, reason, to: path.basename(to) },
    })
    deps.log.info({ code: note.code, jobId: note.jobId }, 'quarantined file discarded by a records lead')
    return c.redirect('/quarantine?msg=discarded', 303)
  })

  app.post('/quarantine/retry', need('quarantine.retry'), async (c) => {
    const body = await c.req.parseBody()
    const note = await listed(field(body, 'file'))
    const from = note ? path.join(dir, note.file) : null
    if (!note || !from) return c.text('No such file in quarantine.', 404)
    if (!existsSync(from)) return c.redirect('/quarantine?msg=error-gone', 303)
    await fs.mkdir(deps.config.watch.inbox, { recursive: true })
    const to = inboxTarget(deps.config.watch.inbox, note.file)
    await moveFile(from, to)
    await fs.rm(`${from}.error.json`, { force: true })
    await audit(c, {
      action: 'quarantine.retry',
      targetKind: 'quarantine',
      targetId: note.file,
      detail: { code: note.code, stage: note.stage, sha256: note.sha256, to: path.basename(to) },
    })
    deps.log.info({ code: note.code, jobId: note.jobId }, 'quarantined file moved back to the inbox for a retry')
    return c.redirect('/quarantine?msg=retried', 303)
  })
}
