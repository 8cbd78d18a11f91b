/** `chartclerk separator [--out FILE] [--count N]`: the separator sheet to print and put between documents of a stack. */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Command } from 'commander'
import { ChartclerkError } from '../../errors.js'
import { separatorSheetPdf, SEPARATOR_PHRASE } from '../../split/separatorSheet.js'
import { globalOptions } from '../context.js'
import { consoleSafe, printJson, printLine } from '../output.js'

export const DEFAULT_SEPARATOR_FILE = 'chartclerk-separator.pdf'

export function registerSeparatorCommands(program: Command): void {
  program
    .command('separator')
    .description('Write a separator sheet (PDF, Letter) to print and put between documents when scanning a stack as one file')
    .option('--out <file>', 'the PDF to write', DEFAULT_SEPARATOR_FILE)
    .option('--count <n>', 'sheets in the PDF (print them all at once)', '1')
    .action(async (o: { out: string; count: string }, cmd: Command) => {
      const count = Number(o.count)
      if (!/^\d+$/.test(o.count) || count < 1 || count > 500)
        throw new ChartclerkError('USAGE', `--count is a whole number from 1 to 500, not "${o.count}".`)
      const pdf = await separatorSheetPdf(count)
      try {
        writeFileSync(o.out, pdf)
      } catch (err) {
        throw new ChartclerkError(
          'USAGE',
          `The separator sheet cannot be written to ${o.out}: ${(err as NodeJS.ErrnoException).code ?? 'error'}. Give a file in a folder you can write to with --out.`,
          { cause: err },
        )
      }
      if (globalOptions(cmd).json) return printJson({ file: path.resolve(o.out), pages: count, phrase: SEPARATOR_PHRASE })
      printLine(`Separator sheet written to ${consoleSafe(o.out)} (${count} page${count === 1 ? '' : 's'}).`)
      printLine(
        'Print it and put one sheet in front of each document of a stack; chartclerk cuts the stack there and never files the sheet.',
      )
    })
}
