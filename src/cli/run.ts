/** Entry point of the `chartclerk` command. */
import { main } from './main.js'

process.exitCode = await main(process.argv)
