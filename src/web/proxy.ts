/**
 * The client's address behind a TLS proxy (`web.trustProxy`). Only a peer listed there may say
 * who the client is (X-Forwarded-For); the header from anyone else is ignored, so a client
 * cannot pick its own address to dodge the sign-in limit or blur the audit log's "source".
 *
 * @example
 *   const proxies = trustedProxies(['127.0.0.1', '10.0.0.0/8'])
 *   resolveClient('127.0.0.1', '203.0.113.9, 10.0.0.4', proxies)   // { address: '203.0.113.9', real: true }
 */
import { BlockList, isIP } from 'node:net'
import { ChartclerkError } from '../errors.js'

export interface TrustedProxies {
  readonly any: boolean
  has(address: string): boolean
}

const unmap = (a: string): string => (a.toLowerCase().startsWith('::ffff:') && isIP(a.slice(7)) === 4 ? a.slice(7) : a)

/** Parses `web.trustProxy`: addresses and CIDR ranges, IPv4 or IPv6. Throws CONFIG_INVALID naming a bad entry. */
export function trustedProxies(list: readonly string[]): TrustedProxies {
  const block = new BlockList()
  for (const raw of list) {
    const entry = raw.trim()
    const [addr, bits, extra] = entry.split('/')
    const family = isIP(addr ?? '')
    const prefix = bits === undefined ? null : Number(bits)
    const maxBits = family === 6 ? 128 : 32
    if (
      !family ||
      extra !== undefined ||
      (prefix !== null && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= maxBits && /^\d+$/.test(bits!)))
    )
      throw new ChartclerkError(
        'CONFIG_INVALID',
        `Setting web.trustProxy: "${raw}" is not an address or a range like 10.0.0.0/8. List the addresses of your TLS proxies.`,
        { detail: 'web.trustProxy entry' },
      )
    const type = family === 6 ? 'ipv6' : 'ipv4'
    if (prefix === null) block.addAddress(addr!, type)
    else block.addSubnet(addr!, prefix, type)
  }
  return {
    any: list.length > 0,
    has(address: string): boolean {
      const a = unmap(address)
      const f = isIP(a)
      return f ? block.check(a, f === 6 ? 'ipv6' : 'ipv4') : false
    },
  }
}

export interface ClientAddress {
  address: string
  /**
   * Whether the address is one client's own: false for a proxy's address (every client behind
   * it shares it) and when the address is unknown. Per-address limits apply only to real ones.
   */
  real: boolean
}

/**
 * Who the client is, given the socket's peer and the X-Forwarded-For header. From a trusted
 * proxy: the right-most address in X-Forwarded-For that is not itself a trusted proxy. From
 * anyone else the header is ignored.
 */
export function resolveClient(peer: string | undefined, forwardedFor: string | undefined, proxies: TrustedProxies): ClientAddress {
  if (!peer) return { address: 'unknown', real: false }
  const p = unmap(peer)
  // The header from an unlisted peer is ignored (a client could name any address in it).
  if (!proxies.has(p)) return { address: p, real: true }
  const hops = (forwardedFor ?? '')
    .split(',')
    .map((s) => unmap(s.trim().replace(/^\[(.*)\]$/, '$1')))
    .filter(Boolean)
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!
    if (!isIP(hop)) return { address: p, real: false }
    if (!proxies.has(hop)) return { address: hop, real: true }
  }
  return { address: p, real: false }
}
