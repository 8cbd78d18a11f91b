/** Which running nodes receive files, by site: what `status` lists beside the inbox on a desk of several sites. */
import { describe, expect, it } from 'vitest'
import { receivingLines, receivingSites, type NodeRecord } from '../../../src/nodes/registry.js'

const node = (host: string, role: string, pid: number, site: string | null): NodeRecord => ({
  id: `${host}:${role}:${pid}`,
  host,
  role,
  pid,
  site,
  rulesetVersion: 'rs-1',
  startedAt: '2026-12-07T08:00:00.000Z',
  lastSeenAt: '2026-12-07T08:01:00.000Z',
  stoppedAt: null,
})

describe('receivingSites', () => {
  it('GIVEN watchers, a whole start, a worker and a serve THEN only the receivers are listed, by site, sites in name order and no site last', () => {
    const nodes = [
      node('desk1', 'serve', 1, null),
      node('scan-south', 'watcher', 2, 'south'),
      node('work1', 'worker', 3, null),
      node('desk1', 'start', 4, null),
      node('scan-north', 'watcher', 5, 'north'),
      node('scan-north2', 'watcher', 6, 'north'),
    ]
    expect(receivingSites(nodes).map((s) => [s.site, s.nodes.map((n) => n.pid)])).toEqual([
      ['north', [5, 6]],
      ['south', [2]],
      [null, [4]],
    ])
    expect(receivingLines(nodes)).toEqual([
      'north: watcher on scan-north (pid 5, site north), watcher on scan-north2 (pid 6, site north)',
      'south: watcher on scan-south (pid 2, site south)',
      '(no site): start on desk1 (pid 4)',
    ])
  })

  it('GIVEN no receiver running THEN nothing is listed', () => {
    expect(receivingSites([node('work1', 'worker', 3, null)])).toEqual([])
  })
})
