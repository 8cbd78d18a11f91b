/** The dashboard says why storage is down: a full disk reads as such, with what happens to the files (issue 12, finding 11). */
import { describe, expect, it } from 'vitest'
import { makeDesk } from './helpers.js'

describe('dashboard storage tile', () => {
  it('GIVEN the store reports its disk full THEN the dashboard shows DOWN and "disk full: files wait in the inbox"', async () => {
    const desk = await makeDesk({
      deps: (d) => ({
        store: Object.assign(Object.create(Object.getPrototypeOf(d.store)), d.store, {
          health: async () => ({ reachable: false, description: 'filesystem /data/objects', detail: 'disk full' }),
        }),
      }),
    })
    try {
      await desk.addUser('clerk1', ['clerk'])
      const c = await desk.login('clerk1')
      const html = await (await c.get('/')).text()
      expect(html).toContain('DOWN')
      expect(html).toContain('storage unreachable')
      expect(html).toContain('disk full: files wait in the inbox until space is freed')
    } finally {
      await desk.close()
    }
  })
})
