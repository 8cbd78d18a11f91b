/** Small seeded random helpers, so training data and splits are reproducible. */

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number
  int(min: number, max: number): number
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
  /** Up to n distinct items, in random order. */
  some<T>(items: readonly T[], n: number): T[]
  shuffle<T>(items: T[]): T[]
}

/** mulberry32: fast, seedable, good enough for data generation. */
export function makeRng(seed: number | string): Rng {
  let a = typeof seed === 'number' ? seed >>> 0 : hash32(seed)
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from empty list')
      return items[Math.floor(next() * items.length)] as (typeof items)[number]
    },
    some: (items, n) => rng.shuffle([...items]).slice(0, n),
    shuffle: (items) => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1))
        const t = items[i] as (typeof items)[number]
        items[i] = items[j] as (typeof items)[number]
        items[j] = t
      }
      return items
    },
  }
  return rng
}

/** FNV-1a 32-bit hash of a string. */
export function hash32(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}
