/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
/** Rendering a page in the shell for the signed-in user. */
import type { Child } from 'hono/jsx'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { can } from '../auth/roles.js'
import { DeskQueries } from './desk.js'
import type { Ctx } from './env.js'
import { Layout, type Section } from './layout.js'

export interface PageOptions {
  title: string
  active?: Section
  wide?: boolean
  printTitle?: string
  patientData?: boolean
  status?: ContentfulStatusCode
}

export async function page(c: Ctx, o: PageOptions, body: Child) {
  const user = c.get('user')
  const reviewCount = user && can(user.roles, 'review.settle') ? await new DeskQueries(c.get('deps').catalog).reviewCount() : undefined
  return c.html(
    <Layout
      title={o.title}
      user={user}
      csrf={c.get('csrf')}
      active={o.active}
      wide={o.wide}
      printTitle={o.printTitle}
      patientData={o.patientData}
      reviewCount={reviewCount}
      printedAt={c.get('deps').clock.localDateTime(c.get('deps').clock.now())}
    >
      {body}
    </Layout>,
    o.status ?? 200,
  )
}

/** A safe place to go back to: a path on this site, never another host. */
export function localPath(p: unknown, fallback = '/'): string {
  return typeof p === 'string' && /^\/(?![/\\])[^\s]*$/.test(p) && !p.includes('\\') ? p : fallback
}

/** Whole positive integer id from a route parameter, else null. */
export function idParam(s: string | undefined): number | null {
  return s && /^[1-9]\d{0,11}$/.test(s) ? Number(s) : null
}

/** One form field as a trimmed string. */
export function field(body: Record<string, unknown>, name: string): string {
  const v = body[name]
  return typeof v === 'string' ? v.trim() : ''
}

/**
 * A refusal or a missing page inside the desk's shell, so the navigation is still there to go
 * on from (signed-in users only; without a session the plain text is enough).
 */
export function messagePage(c: Ctx, o: { title: string; text: string; status: ContentfulStatusCode }) {
  if (!c.get('user')) return c.text(o.text, o.status)
  return page(
    c,
    { title: o.title, status: o.status },
    <div class="narrowish">
      <h1>{o.title}</h1>
      <p>{o.text}</p>
      <p>
        <a href="/">Back to the dashboard</a>
      </p>
    </div>,
  )
}
