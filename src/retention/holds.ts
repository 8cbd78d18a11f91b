/** Legal holds: while a chart has one, nothing of it is destroyed. */
import type { Catalog } from '../catalog/db.js'
import { ChartclerkError } from '../errors.js'

export interface LegalHold {
  id: number
  patientMrn: string
  reason: string
  placedBy: string
  placedAt: string
  removedAt: string | null
  removedBy: string | null
  removalReason: string | null
}

const toHold = (r: any): LegalHold => ({
  id: r.id,
  patientMrn: r.patient_mrn,
  reason: r.reason,
  placedBy: r.placed_by,
  placedAt: r.placed_at,
  removedAt: r.removed_at,
  removedBy: r.removed_by,
  removalReason: r.removal_reason,
})

export class HoldsRepo {
  constructor(private readonly catalog: Catalog) {}

  add(mrn: string, reason: string, by: string): LegalHold {
    if (!this.catalog.patients.get(mrn)) throw new ChartclerkError('NOT_FOUND', `There is no patient ${mrn} in the patient index.`)
    if (!reason.trim()) throw new ChartclerkError('USAGE', 'A legal hold needs a reason.', { cliHint: 'Give --reason "...".' })
    if (!by.trim()) throw new ChartclerkError('USAGE', 'Say who places the hold.', { cliHint: 'Give --by NAME.' })
    const info = this.catalog.db
      .prepare('INSERT INTO legal_holds (patient_mrn, reason, placed_by, placed_at) VALUES (?, ?, ?, ?)')
      .run(mrn, reason, by, new Date().toISOString())
    this.catalog.events.append('hold.added', null, { holdId: Number(info.lastInsertRowid), by })
    return this.get(Number(info.lastInsertRowid))!
  }

  /** Lifts every active hold on the chart; returns how many. */
  remove(mrn: string, reason: string, by: string): number {
    if (!reason.trim()) throw new ChartclerkError('USAGE', 'Say why the hold is lifted.', { cliHint: 'Give --reason "...".' })
    if (!by.trim()) throw new ChartclerkError('USAGE', 'Say who lifts the hold.', { cliHint: 'Give --by NAME.' })
    const active = this.active(mrn)
    if (!active.length) throw new ChartclerkError('NOT_FOUND', `Chart ${mrn} has no legal hold.`)
    const now = new Date().toISOString()
    const upd = this.catalog.db.prepare('UPDATE legal_holds SET removed_at = ?, removed_by = ?, removal_reason = ? WHERE id = ?')
    this.catalog.tx(() => {
      for (const h of active) {
        upd.run(now, by, reason, h.id)
        this.catalog.events.append('hold.removed', null, { holdId: h.id, by })
      }
    })
    return active.length
  }

  get(id: number): LegalHold | undefined {
    const r = this.catalog.db.prepare('SELECT * FROM legal_holds WHERE id = ?').get(id)
    return r ? toHold(r) : undefined
  }

  active(mrn?: string): LegalHold[] {
    const rows = mrn
      ? this.catalog.db.prepare('SELECT * FROM legal_holds WHERE removed_at IS NULL AND patient_mrn = ? ORDER BY id').all(mrn)
      : this.catalog.db.prepare('SELECT * FROM legal_holds WHERE removed_at IS NULL ORDER BY id').all()
    return (rows as any[]).map(toHold)
  }

  heldCharts(): Set<string> {
    return new Set(this.active().map((h) => h.patientMrn))
  }
}
