/**
 * `chartclerk serve`: the web desk alone (no inbox watching), until stopped. `chartclerk start`
 * serves it too unless `--no-web` (see ingest.ts); both use {@link serveDesk}.
 */
import type { Command } from 'commander'
import type { App } from '../../app.js'
import { openApp } from '../../app.js'
import { ChartclerkError } from '../../errors.js'
import { startAppHeartbeat, type Heartbeat } from '../../nodes/heartbeat.js'
import type { Desk } from '../../web/server.js'
import { configFrom, globalOptions } from '../context.js'

export interface ServeCommandDeps {
  err?: (text: string) => void
}

/** Starts the desk for an opened app, printing the first administrator's one-time password (stderr) on the very first start. */
export async function serveDesk(
  app: App,
  opts: { host?: string; port?: number; quiet?: boolean; err?: (text: string) => void } = {},
): Promise<Desk> {
  const err = opts.err ?? ((t: string) => void process.stderr.write(t))
  let first: { username: string; password: string } | null = null
  // The web desk's modules load only for the commands that serve it, not for every command.
  const { startDesk } = await import('../../web/server.js')
  const desk = await startDesk(app, { host: opts.host, port: opts.port, onFirstAdmin: (a) => (first = a) })
  if (first) {
    const a = first as { username: string; password: string }
    // Printed once, to the console only: never to the log.
    err(
      `\nchartclerk: first start, so an administrator account was made.\n` +
        `  user name:          ${a.username}\n` +
        `  one-time password:  ${a.password}\n` +
        `Sign in at ${desk.url}/login and choose a new password. This password is not shown again;\n` +
        `if it is lost, "chartclerk user passwd ${a.username}" makes a new one.\n\n`,
    )
  }
  if (!opts.quiet) err(`chartclerk web desk: ${desk.url}\n`)
  return desk
}

function parsePort(v: string): number {
  const n = Number(v)
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ChartclerkError('USAGE', `--port wants a port number (0-65535), not "${v}".`)
  return n
}

export function registerServeCommands(program: Command, deps: ServeCommandDeps = {}): void {
  program
    .command('serve')
    .description('Serve the web desk (review queue, charts, deficiencies) without watching the inbox, until stopped (Ctrl-C)')
    .option('--host <host>', 'address to listen on (default: web.host, 127.0.0.1)')
    .option('--port <port>', 'port (default: web.port, 8480)', parsePort)
    .action(async (o: { host?: string; port?: number }, cmd: Command) => {
      const config = configFrom(cmd)
      const app = await openApp(config)
      let desk: Desk
      let heartbeat: Heartbeat | null = null
      try {
        await app.ruleFiles.start()
        heartbeat = await startAppHeartbeat(app, 'serve')
        desk = await serveDesk(app, { host: o.host, port: o.port, quiet: !!globalOptions(cmd).json, err: deps.err })
      } catch (e) {
        await heartbeat?.stop()
        await app.close()
        throw e
      }
      await new Promise<void>((resolve) => {
        const stop = async (signal: string) => {
          app.log.info({ signal }, 'stopping the web desk')
          await desk.close()
          await heartbeat?.stop()
          await app.close()
          resolve()
        }
        process.once('SIGINT', () => void stop('SIGINT'))
        process.once('SIGTERM', () => void stop('SIGTERM'))
      })
    })
}
