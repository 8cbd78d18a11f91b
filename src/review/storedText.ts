/** A catalogued document's text as the pipeline read it: the stored text.json (with word boxes), else the catalog's page text. */
import type { Catalog } from '../catalog/db.js'
import { summarise } from '../extract/extractText.js'
import type { ExtractedText, PageText } from '../model/types.js'
import { derivedKey, type ObjectStore } from '../storage/objectStore.js'

export async function storedTextOf(deps: { catalog: Catalog; store: ObjectStore }, documentId: number): Promise<ExtractedText> {
  try {
    const saved = JSON.parse((await deps.store.get(derivedKey(documentId, 'text.json'))).toString()) as { pages: PageText[] }
    return summarise(saved.pages)
  } catch {
    // Word boxes are a help, not a need: the catalog's page text will do.
    const pages: PageText[] = (await deps.catalog.documents.pages(documentId)).map((p) => ({
      page: p.page,
      text: p.text,
      source: p.source as PageText['source'],
      ocrConfidence: p.ocrConfidence,
      deskewAngle: p.deskewAngle,
      width: p.width,
      height: p.height,
      words: [],
    }))
    return summarise(pages)
  }
}
