/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
/**
 * The page shell: header with the desk's sections (only those the user's roles allow), the
 * signed-in user and sign-out, then the page. No inline scripts or styles (the CSP forbids
 * them): htmx and the desk's own keyboard script are files under /static.
 */
import { raw } from 'hono/html'
import type { Child } from 'hono/jsx'
import { can, type Permission } from '../auth/roles.js'
import type { User } from '../auth/users.js'

export type Section =
  | 'dashboard'
  | 'review'
  | 'charts'
  | 'deficiencies'
  | 'search'
  | 'quarantine'
  | 'rules'
  | 'audit'
  | 'users'
  | 'account'
  | 'inbox'
  | 'routing'
  | 'releases'

const NAV: { id: Section; href: string; label: string; perm: Permission; key?: string }[] = [
  { id: 'dashboard', href: '/', label: 'Dashboard', perm: 'desk.view', key: 'g d' },
  { id: 'review', href: '/review', label: 'Review queue', perm: 'review.settle', key: 'g r' },
  { id: 'inbox', href: '/inbox', label: 'My reports', perm: 'routing.acknowledge' },
  { id: 'charts', href: '/charts', label: 'Charts', perm: 'records.view', key: 'g c' },
  { id: 'deficiencies', href: '/deficiencies', label: 'Deficiencies', perm: 'records.view', key: 'g f' },
  { id: 'search', href: '/search', label: 'Search', perm: 'records.view', key: '/' },
  { id: 'releases', href: '/releases', label: 'Releases', perm: 'release.manage' },
  { id: 'routing', href: '/routing/overdue', label: 'Overdue reports', perm: 'routing.oversee' },
  { id: 'quarantine', href: '/quarantine', label: 'Quarantine', perm: 'quarantine.view' },
  { id: 'rules', href: '/rules', label: 'Rules', perm: 'rules.view' },
  { id: 'audit', href: '/audit', label: 'Audit log', perm: 'audit.view' },
  { id: 'users', href: '/admin/users', label: 'Users', perm: 'users.manage' },
]

const HTMX_CONFIG = JSON.stringify({
  includeIndicatorStyles: false,
  allowEval: false,
  allowScriptTags: false,
  selfRequestsOnly: true,
  // no patient data kept in the browser's local storage for history
  historyCacheSize: 0,
  refreshOnHistoryMiss: true,
  // a refused change (400/403/409) is swapped in like a success: the fragment says what went wrong
  responseHandling: [
    { code: '204', swap: false },
    { code: '[23]..', swap: true },
    { code: '40[039]', swap: true, error: false },
    { code: '...', swap: false, error: true },
  ],
})

export interface LayoutProps {
  title: string
  user: User | null
  csrf: string
  active?: Section
  /** Review backlog for the nav badge. */
  reviewCount?: number
  /** Wider main area (review, document viewer). */
  wide?: boolean
  /** A line for the printed page's header (what this report is). */
  printTitle?: string
  /** False for pages of figures only (the printed header then does not warn of patient information). */
  patientData?: boolean
  /** "2026-03-05 23:30", the clinic's time the page was made, for the printed header. */
  printedAt?: string
  children?: Child
}

export function Layout(p: LayoutProps) {
  const u = p.user
  return (
    <>
      {raw('<!doctype html>')}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="referrer" content="same-origin" />
          <meta name="htmx-config" content={HTMX_CONFIG} />
          <title>{`${p.title} · chartclerk`}</title>
          <link rel="stylesheet" href="/static/app.css" />
          <script src="/static/htmx.min.js" defer></script>
          <script src="/static/app.js" defer></script>
        </head>
        <body hx-headers={JSON.stringify({ 'X-CSRF-Token': p.csrf })}>
          <a class="skip" href="#main">
            Skip to the page
          </a>
          <header class="top">
            <div class="brand">
              <a href="/">chartclerk</a>
              <span class="brand-sub">records desk</span>
            </div>
            {u ? (
              <nav aria-label="Sections">
                <ul>
                  {NAV.filter((n) => can(u.roles, n.perm)).map((n) => (
                    <li>
                      <a
                        href={n.href}
                        class={p.active === n.id ? 'active' : undefined}
                        aria-current={p.active === n.id ? 'page' : undefined}
                        data-key={n.key}
                      >
                        {n.label}
                        {n.id === 'review' && p.reviewCount ? <span class="count">{p.reviewCount}</span> : null}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            ) : null}
            {u ? (
              <div class="who">
                <span class="who-name" title={`Roles: ${u.roles.join(', ')}`}>
                  {u.displayName ?? u.username} <span class="muted">({u.roles.join(', ')})</span>
                </span>
                <a href="/account/password" class={p.active === 'account' ? 'active' : undefined}>
                  Password
                </a>
                <form method="post" action="/logout" class="inline">
                  <input type="hidden" name="_csrf" value={p.csrf} />
                  <button type="submit" class="link">
                    Sign out
                  </button>
                </form>
              </div>
            ) : null}
          </header>
          <div class="print-head">
            chartclerk · {p.printTitle ?? p.title} · printed {p.printedAt ?? ''}
            {u ? ` by ${u.username}` : ''}
            {p.patientData === false ? ' · figures only, no patient information' : ' · contains patient information'}
          </div>
          <main id="main" class={p.wide ? 'wide' : undefined}>
            {p.children}
          </main>
        </body>
      </html>
    </>
  )
}

export function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />
}

/** A fixed message chosen by code (never text from the query string). */
export function Flash({ code, messages }: { code: string | undefined; messages: Record<string, string> }) {
  if (!code || !messages[code]) return null
  const bad = code.startsWith('error')
  return (
    <p class={bad ? 'flash flash-bad' : 'flash'} role="status">
      {messages[code]}
    </p>
  )
}

export function Badge({ kind, children }: { kind: string; children?: Child }) {
  return <span class={`badge badge-${kind.replace(/[^a-z0-9_-]/gi, '')}`}>{children}</span>
}

export function Empty({ children }: { children?: Child }) {
  return <p class="empty">{children}</p>
}
