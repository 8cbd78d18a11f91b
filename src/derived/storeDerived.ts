/** Writing a derived object where the document's other objects are: the archive for an inactive chart. */
import type { App } from '../app.js'
import { getInactive, withArchive } from '../inactive/inactive.js'
import { derivedKey } from '../storage/objectStore.js'

export async function putDerived(deps: Pick<App, 'catalog' | 'store' | 'config'>, documentId: number, name: string, buffer: Buffer, contentType: string): Promise<void> {
  const mrn = deps.catalog.documents.get(documentId)?.patientMrn
  const key = derivedKey(documentId, name)
  if (mrn && getInactive(deps, mrn)) await withArchive(deps, (archive) => archive.put(key, { buffer }, { contentType }))
  else await deps.store.put(key, { buffer }, { contentType })
}
