/**
 * The desk's static files: a fixed list, read once. htmx comes from the installed htmx.org
 * package (never a CDN); the stylesheet and the desk's small keyboard script from src/web/static.
 * No directory is served, so no path can reach another file.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { Hono } from 'hono'
import { packageRoot } from '../classify/paths.js'
import type { AppEnv } from './env.js'

const require = createRequire(import.meta.url)

interface Asset {
  body: Buffer
  type: string
}

let assets: Map<string, Asset> | null = null

function load(): Map<string, Asset> {
  if (assets) return assets
  const own = (name: string) => path.join(packageRoot(), 'src', 'web', 'static', name)
  assets = new Map([
    ['htmx.min.js', { body: readFileSync(require.resolve('htmx.org/dist/htmx.min.js')), type: 'text/javascript; charset=utf-8' }],
    ['app.js', { body: readFileSync(own('app.js')), type: 'text/javascript; charset=utf-8' }],
    ['app.css', { body: readFileSync(own('app.css')), type: 'text/css; charset=utf-8' }],
  ])
  return assets
}

export function registerStaticRoutes(app: Hono<AppEnv>): void {
  const files = load()
  app.get('/static/:name{[a-z.]+}', (c) => {
    const a = files.get(c.req.param('name'))
    if (!a) return c.text('Not found', 404)
    return c.body(new Uint8Array(a.body), 200, { 'Content-Type': a.type, 'Cache-Control': 'private, max-age=300' })
  })
  app.get('/favicon.ico', (c) => c.body(null, 204))
}
