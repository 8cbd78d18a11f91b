/**
 * The last few results of a pure, costly reading of a text, by the exact text read (and anything
 * else the reading depends on, in the key). A file's pages are read one by one while it is split,
 * then the whole document again: a one-page document's text is its page's text, so the second
 * reading is the first one's result. Each caller gets its own copy (callers add review reasons
 * to what they are given).
 *
 * @example
 *   const recent = new RecentResults<Classification>(8)
 *   const c = recent.get(`${text}`, () => classifyAnew(text))
 */
export class RecentResults<T> {
  private readonly entries = new Map<string, T>()

  constructor(private readonly size: number) {}

  get(key: string, compute: () => T): T {
    const hit = this.entries.get(key)
    if (hit !== undefined) {
      // Most recently used last: the oldest is the first to go.
      this.entries.delete(key)
      this.entries.set(key, hit)
      return structuredClone(hit)
    }
    const value = compute()
    this.entries.set(key, structuredClone(value))
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!)
    return value
  }

  clear(): void {
    this.entries.clear()
  }
}
