/**
 * Security headers on every response: a Content-Security-Policy that allows scripts, styles and
 * images from the desk itself only (no inline scripts or styles: htmx and the desk's own script
 * are files under /static), X-Frame-Options DENY, nosniff, no referrer beyond the desk itself, and `Cache-Control:
 * no-store` on everything but the static files, since nearly every page holds patient data.
 */
import { secureHeaders } from 'hono/secure-headers'
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../env.js'

export const CSP = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  objectSrc: ["'none'"],
}

export const securityHeaders = secureHeaders({
  contentSecurityPolicy: CSP,
  xFrameOptions: 'DENY',
  xContentTypeOptions: 'nosniff',
  // same-origin: no Referer (which can hold an MRN in a path) ever leaves the desk, and browsers
  // still send Origin on the desk's own form posts (no-referrer would make it "null").
  referrerPolicy: 'same-origin',
  // Served on loopback over plain HTTP by default; a TLS proxy in front sets HSTS itself.
  strictTransportSecurity: false,
  crossOriginOpenerPolicy: 'same-origin',
  crossOriginResourcePolicy: 'same-origin',
  permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [], usb: [] },
})

export const noStore = createMiddleware<AppEnv>(async (c, next) => {
  await next()
  if (!c.req.path.startsWith('/static/')) {
    c.header('Cache-Control', 'no-store')
    c.header('Pragma', 'no-cache')
  }
})
