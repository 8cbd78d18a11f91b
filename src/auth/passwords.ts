/**
 * Password hashing with scrypt (node:crypto): `scrypt$N$r$p$salt$hash`, salt and hash in
 * base64. Verification is constant-time, and an unknown user costs the same as a wrong
 * password (see {@link dummyVerify}).
 *
 * @example
 *   const stored = await hashPassword('correct horse battery staple')
 *   await verifyPassword('correct horse battery staple', stored)   // true
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { packageRoot } from '../classify/paths.js'
import { randomBytes, randomInt, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto'

export interface ScryptCost {
  N: number
  r: number
  p: number
}

/** About 60-100 ms on one core: slow for a guesser, quick enough at a sign-in form. */
export const DEFAULT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 }
const KEYLEN = 64

function scrypt(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const opts: ScryptOptions = { N: cost.N, r: cost.r, p: cost.p, maxmem: 256 * cost.N * cost.r * cost.p + 1024 * 1024 }
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFC'), salt, KEYLEN, opts, (err, key) => (err ? reject(err) : resolve(key))),
  )
}

export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(password, salt, cost)
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number]
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > 2 ** 20) return false
  const salt = Buffer.from(parts[4]!, 'base64')
  const expected = Buffer.from(parts[5]!, 'base64')
  if (expected.length !== KEYLEN) return false
  const key = await scrypt(password, salt, { N, r, p })
  return timingSafeEqual(key, expected)
}

let dummy: string | null = null
/** Spends the time a real check would, for a user name that does not exist. */
export async function dummyVerify(password: string, cost: ScryptCost = DEFAULT_COST): Promise<false> {
  dummy ??= await hashPassword('not a password of anyone', cost)
  await verifyPassword(password, dummy)
  return false
}

/** Letters and digits that cannot be mistaken for one another when read aloud or copied from paper. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'

/** A one-time password a person can type: four groups of four, e.g. `k7mq-2xvd-pw4h-rn8c` (about 79 bits). */
export function oneTimePassword(): string {
  const groups: string[] = []
  for (let g = 0; g < 4; g++) {
    let s = ''
    for (let i = 0; i < 4; i++) s += ALPHABET[randomInt(ALPHABET.length)]
    groups.push(s)
  }
  return groups.join('-')
}

/** Why a chosen password is not acceptable, or null when it is. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < 12) return 'Choose a password of at least 12 characters (a short sentence works well).'
  if (password.length > 200) return 'Choose a password of at most 200 characters.'
  if (password.toLowerCase().includes(username.toLowerCase())) return 'The password must not contain your user name.'
  if (/^(.)\1+$/.test(password)) return 'Choose a password that is not one character repeated.'
  if (isCommonPassword(password))
    return 'That password is one of the commonest in use (or one with digits or symbols added): guessers try those first. Choose another, e.g. a short sentence only you would think of.'
  return null
}

let common: Set<string> | null = null

/** The commonest passwords (src/auth/common-passwords.txt), lower case. */
function commonPasswords(): Set<string> {
  if (common) return common
  const file = path.join(packageRoot(), 'src', 'auth', 'common-passwords.txt')
  common = new Set(
    readFileSync(file, 'utf8')
      .split('\n')
      .map((l) => l.trim().toLowerCase())
      .filter((l) => l && !l.startsWith('#')),
  )
  return common
}

/**
 * A password on the list, or one of them with digits and symbols added at the end (and the
 * commonest letter-for-digit swaps undone): "Password1234!" and "p@ssw0rd2024" are as guessable
 * as "password".
 */
export function isCommonPassword(password: string): boolean {
  const list = commonPasswords()
  const lower = password.normalize('NFC').toLowerCase()
  if (list.has(lower)) return true
  const base = lower.replace(/[\d\W_]+$/u, '')
  if (base.length >= 4 && base !== lower && list.has(base)) return true
  const unleet = base.replace(/[@4]/g, 'a').replace(/3/g, 'e').replace(/[1!]/g, 'i').replace(/0/g, 'o').replace(/[$5]/g, 's')
  return unleet.length >= 4 && unleet !== lower && list.has(unleet)
}
