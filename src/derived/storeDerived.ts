/** Writing a derived object where the document's other objects are: the archive-aware store puts an inactive chart's in the archive. */
import type { Catalog } from '../catalog/db.js'
import type { Config } from '../config/config.js'
import { derivedKey, type ObjectStore } from '../storage/objectStore.js'

/** What derived objects are read and written with: the catalog, the store that reaches the archive too, and the limits of drawing. */
export interface DerivedDeps {
  catalog: Catalog
  storeWithArchive: ObjectStore
  config: Readonly<Pick<Config, 'ocr'>>
}

export async function putDerived(
  deps: Pick<DerivedDeps, 'storeWithArchive'>,
  documentId: number,
  name: string,
  buffer: Buffer,
  contentType: string,
): Promise<void> {
  await deps.storeWithArchive.put(derivedKey(documentId, name), { buffer }, { contentType })
}
