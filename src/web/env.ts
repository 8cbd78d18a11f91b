/** The Hono environment of the web desk: what middleware puts on the context for handlers. */
import type { Context } from 'hono'
import type { AuditEntry } from '../audit/log.js'
import type { Session } from '../auth/sessions.js'
import type { User } from '../auth/users.js'
import type { WebDeps } from './deps.js'
import type { ClientAddress } from './proxy.js'

export interface AppEnv {
  Variables: {
    deps: WebDeps
    user: User | null
    session: Session | null
    /** Where the request came from (client address), for the audit log. */
    source: string
    /** The client's address and whether it is one client's own (not a shared proxy address). */
    client: ClientAddress
    /** The CSRF token to put in forms on this page. */
    csrf: string
  }
}

export type Ctx = Context<AppEnv>

/** The signed-in user (routes behind requireLogin only). */
export function userOf(c: Ctx): User {
  const u = c.get('user')
  if (!u) throw new Error('userOf called on an anonymous request')
  return u
}

export function isHtmx(c: Ctx): boolean {
  return c.req.header('HX-Request') === 'true'
}

/** Writes an audit row as the signed-in user (or `anonymous`), from this request's address. */
export async function audit(c: Ctx, e: Omit<AuditEntry, 'actor' | 'source'> & { actor?: string }): Promise<void> {
  await c.get('deps').audit.append({ ...e, actor: e.actor ?? c.get('user')?.username ?? 'anonymous', source: c.get('source') })
}
