/**
 * Baseline: bare tesseract.js workers (one per core, the same offline model
 * chartclerk uses) reading the given page images, nothing else.
 * Usage: tsx bench/bare-tesseract.ts WORKERS FILE...
 */
import os from 'node:os'
import Tesseract from 'tesseract.js'
import { defaultLangPath } from '../src/extract/ocr/pool.js'

const [workersArg, ...files] = process.argv.slice(2)
const workers = Number(workersArg) || os.availableParallelism()
const scheduler = Tesseract.createScheduler()
for (let i = 0; i < workers; i++) {
  const w = await Tesseract.createWorker('eng', Tesseract.OEM.LSTM_ONLY, {
    langPath: defaultLangPath(),
    gzip: true,
    cacheMethod: 'none',
    errorHandler: () => {},
  })
  await w.setParameters({ user_defined_dpi: '300' })
  scheduler.addWorker(w)
}
let chars = 0
await Promise.all(files.map(async (f) => (chars += (await scheduler.addJob('recognize', f)).data.text.length)))
await scheduler.terminate()
process.stdout.write(JSON.stringify({ pages: files.length, chars }) + '\n')
