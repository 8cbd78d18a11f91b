/** Dashboard figures are kept until the records behind them change, and only that long. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openCatalog, type Catalog } from '../../../src/catalog/db.js'
import { DeficienciesRepo } from '../../../src/deficiencies/repo.js'
import { keptUntilChanged } from '../../../src/reports/keptUntilChanged.js'
import { buildTimeline } from '../../../src/reports/timeline.js'
import { UTC as CLOCK, fillDesk, sqlOf } from './fixture.js'

let catalog: Catalog
beforeEach(async () => {
  catalog = openCatalog(':memory:')
  await fillDesk(catalog)
})
afterEach(() => catalog.close())

const period = { from: '2025-06-01', to: '2025-06-30' }

describe('figures kept until the catalog changes', () => {
  it('GIVEN the same question twice WHEN nothing changed THEN it is built once', async () => {
    let builds = 0
    const build = () => (builds++, buildTimeline(catalog, sqlOf(catalog), period, CLOCK))
    const a = await keptUntilChanged(catalog, sqlOf(catalog), 'timeline', build)
    const b = await keptUntilChanged(catalog, sqlOf(catalog), 'timeline', build)
    expect(builds).toBe(1)
    expect(b).toBe(a)
  })

  it('GIVEN a kept timeline WHEN a deficiency is waived THEN the next answer is rebuilt and shows one open fewer', async () => {
    const openOn30 = (t: Awaited<ReturnType<typeof buildTimeline>>) => Object.values(t.days.at(-1)!.deficiencies).reduce((x, y) => x + y, 0)
    const before = await keptUntilChanged(catalog, sqlOf(catalog), 'timeline', () => buildTimeline(catalog, sqlOf(catalog), period, CLOCK))
    const repo = new DeficienciesRepo(sqlOf(catalog))
    const open = (await repo.list({ status: 'open' }))[0]!
    await repo.transition(open.id, 'waived', { by: 'records.lead', reason: 'not required for this chart', at: '2025-06-10T10:00:00Z' })
    const after = await keptUntilChanged(catalog, sqlOf(catalog), 'timeline', () => buildTimeline(catalog, sqlOf(catalog), period, CLOCK))
    expect(after).not.toBe(before)
    expect(openOn30(after)).toBe(openOn30(before) - 1)
  })

  it('GIVEN a kept answer WHEN a document event is logged THEN it is rebuilt; another question is kept apart', async () => {
    let builds = 0
    await keptUntilChanged(catalog, sqlOf(catalog), 'a', () => ++builds)
    expect(await keptUntilChanged(catalog, sqlOf(catalog), 'b', () => ++builds)).toBe(2)
    await catalog.events.append('document.viewed', null, {})
    expect(await keptUntilChanged(catalog, sqlOf(catalog), 'a', () => ++builds)).toBe(3)
  })
})
