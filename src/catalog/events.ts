/** The append-only event log (triggers refuse UPDATE and DELETE), on either catalog engine. */
import type { Selectable } from 'kysely'
import type { EventsTable } from './sql/tables.js'
import type { CatalogScope } from './scope.js'

export interface EventRow {
  id: number
  at: string
  kind: string
  documentId: number | null
  data: Record<string, unknown>
}

export class EventLog {
  constructor(
    private readonly scope: CatalogScope,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async append(kind: string, documentId: number | null, data: Record<string, unknown> = {}): Promise<void> {
    await this.scope.db
      .insertInto('events')
      .values({ at: this.now().toISOString(), kind, document_id: documentId, data: JSON.stringify(data) })
      .execute()
  }

  async forDocument(documentId: number): Promise<EventRow[]> {
    const rows = await this.scope.db.selectFrom('events').selectAll().where('document_id', '=', documentId).orderBy('id').execute()
    return rows.map(toEvent)
  }

  /** Documents with an event of one of these kinds at or after `iso`, each counted once. */
  async documentsSince(kinds: readonly string[], iso: string): Promise<number> {
    const r = await this.scope.db
      .selectFrom('events')
      .select((eb) => eb.fn.count<number>('document_id').distinct().as('n'))
      .where('kind', 'in', kinds)
      .where('at', '>=', iso)
      .executeTakeFirstOrThrow()
    return Number(r.n)
  }

  async recent(limit = 50): Promise<EventRow[]> {
    const rows = await this.scope.db.selectFrom('events').selectAll().orderBy('id', 'desc').limit(limit).execute()
    return rows.map(toEvent)
  }
}

function toEvent(r: Selectable<EventsTable>): EventRow {
  return {
    id: Number(r.id),
    at: r.at,
    kind: r.kind,
    documentId: r.document_id === null ? null : Number(r.document_id),
    data: JSON.parse(r.data) as Record<string, unknown>,
  }
}
