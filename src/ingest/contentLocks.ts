/**
 * One job at a time per content hash: two copies of the same file dropped
 * together must end as one document and one repeat receipt, not a race.
 * (In-process; a multi-host deployment takes this from its job queue.)
 */
export class ContentLocks {
  private readonly tails = new Map<string, Promise<void>>()

  async acquire(key: string): Promise<() => void> {
    const prev = this.tails.get(key) ?? Promise.resolve()
    let release!: () => void
    const mine = new Promise<void>((r) => (release = r))
    const tail = prev.then(() => mine)
    this.tails.set(key, tail)
    await prev
    return () => {
      release()
      if (this.tails.get(key) === tail) this.tails.delete(key)
    }
  }
}
