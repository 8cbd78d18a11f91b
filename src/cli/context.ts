/** What every command gets: the global options and the configuration they lead to. */
import type { Command } from 'commander'
import { loadConfig, type Config } from '../config/config.js'

export interface GlobalOptions {
  config?: string
  data?: string
  inbox?: string
  json?: boolean
}

export function globalOptions(cmd: Command): GlobalOptions {
  return cmd.optsWithGlobals() as GlobalOptions
}

export function configFrom(cmd: Command, overrides?: Record<string, unknown>): Readonly<Config> {
  const o = globalOptions(cmd)
  return loadConfig({ configPath: o.config, dataDir: o.data, inbox: o.inbox, overrides })
}
