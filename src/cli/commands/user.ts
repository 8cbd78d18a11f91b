/**
 * `chartclerk user add | passwd | disable | enable | list`: web desk accounts from the command
 * line (the administrator's way in when no one can sign in). Passwords are made here and shown
 * once; the person chooses their own at first sign-in. Each change is an audit row.
 */
import type { Command } from 'commander'
import { cliSource, osUser } from './actor.js'
import { AuditLog } from '../../audit/log.js'
import { ROLES, parseRoles } from '../../auth/roles.js'
import { UsersRepo, type User } from '../../auth/users.js'
import { openSqlCatalog } from '../../catalog/sql/open.js'
import { openDeskCatalog } from '../../catalog/db.js'
import { ChartclerkError } from '../../errors.js'
import { configFrom, globalOptions } from '../context.js'

export interface UserCommandDeps {
  out?: (line: string) => void
  /** Reads a password given on standard input (--password-stdin). */
  readStdin?: () => Promise<string>
  setExitCode?: (code: number) => void
}

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const c of process.stdin) chunks.push(c as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/** Who administers accounts at the command line: the OS user (see actor.ts). */
export const cliActor = (): string => osUser()
export { cliSource }

function userJson(u: User): Record<string, unknown> {
  return {
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    providerName: u.providerName,
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
    lastLoginAt: u.lastLoginAt,
    createdAt: u.createdAt,
  }
}

export function registerUserCommands(program: Command, deps: UserCommandDeps = {}): void {
  const out = deps.out ?? ((line: string) => void process.stdout.write(`${line}\n`))
  const stdin = deps.readStdin ?? readAllStdin
  const setExit = deps.setExitCode ?? ((code: number) => void (process.exitCode = code))

  const withUsers = async (cmd: Command, fn: (users: UsersRepo, audit: AuditLog) => Promise<void>) => {
    const config = configFrom(cmd)
    const catalog = await openDeskCatalog(config.catalog)
    try {
      // Accounts live where the desk reads them: the PostgreSQL catalog when catalog.url is set.
      const sql = await openSqlCatalog(config.catalog, catalog.db)
      try {
        await fn(new UsersRepo(sql.db), new AuditLog(sql))
      } finally {
        await sql.close()
      }
    } finally {
      catalog.close()
    }
  }
  const stdinPassword = async (use: boolean | undefined): Promise<string | undefined> => {
    if (!use) return undefined
    const p = (await stdin()).replace(/\r?\n$/, '')
    if (!p) throw new ChartclerkError('USAGE', 'No password came on standard input.')
    return p
  }

  const user = program.command('user').description('Web desk accounts: add, passwd, disable, enable, list')

  user
    .command('add')
    .description('Add an account; prints a one-time password to give the person (they choose their own at first sign-in)')
    .argument('<username>', 'user name (letters, digits, . _ -)')
    .requiredOption('--role <roles...>', `one or more of ${ROLES.join(', ')} (comma or space separated)`)
    .option('--name <full name>', "the person's name, as shown on the desk")
    .option('--provider <name>', 'for providers: the name documents are routed to (as in the patient index)')
    .option('--password-stdin', 'read a password from standard input instead of making one (still to be changed at first sign-in)')
    .option('--json', 'print the account as JSON')
    .action(
      async (
        username: string,
        o: { role: string[]; name?: string; provider?: string; passwordStdin?: boolean; json?: boolean },
        cmd: Command,
      ) => {
        let roles
        try {
          roles = parseRoles(o.role)
        } catch (e) {
          throw new ChartclerkError('USAGE', `--role: ${(e as Error).message}.`)
        }
        const given = await stdinPassword(o.passwordStdin)
        await withUsers(cmd, async (users, audit) => {
          const { user: u, password } = await users.add({
            username,
            roles,
            displayName: o.name ?? null,
            providerName: o.provider ?? null,
            password: given,
            mustChangePassword: true,
          })
          await audit.append({
            actor: cliActor(),
            action: 'user.add',
            targetKind: 'user',
            targetId: u.username,
            detail: { roles: u.roles },
            source: cliSource(),
          })
          if (o.json || globalOptions(cmd).json) out(JSON.stringify({ ...userJson(u), ...(password ? { oneTimePassword: password } : {}) }))
          else {
            out(`added ${u.username} (${u.roles.join(', ')})`)
            if (password)
              out(
                `one-time password: ${password}\n(give it to ${u.username} in person; it is not shown again; they choose their own at first sign-in)`,
              )
          }
        })
        setExit(0)
      },
    )

  user
    .command('passwd')
    .description("Reset a password: prints a new one-time password (or takes one from standard input); the person's sessions end")
    .argument('<username>')
    .option('--password-stdin', 'read the new password from standard input')
    .option('--json', 'print the result as JSON')
    .action(async (username: string, o: { passwordStdin?: boolean; json?: boolean }, cmd: Command) => {
      const given = await stdinPassword(o.passwordStdin)
      await withUsers(cmd, async (users, audit) => {
        const password = await users.resetPassword(username, given)
        await audit.append({
          actor: cliActor(),
          action: 'user.password_reset',
          targetKind: 'user',
          targetId: username,
          source: cliSource(),
        })
        if (o.json || globalOptions(cmd).json)
          out(JSON.stringify({ username, ...(given ? {} : { oneTimePassword: password }), mustChangePassword: true }))
        else if (given) out(`password of ${username} set; it must be changed at the next sign-in`)
        else out(`one-time password for ${username}: ${password}\n(it must be changed at the next sign-in)`)
      })
      setExit(0)
    })

  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    user
      .command(name)
      .description(disabled ? 'Disable an account (its sessions end at once)' : 'Enable a disabled account again')
      .argument('<username>')
      .option('--json', 'print the account as JSON')
      .action(async (username: string, o: { json?: boolean }, cmd: Command) => {
        await withUsers(cmd, async (users, audit) => {
          const u = await users.setDisabled(username, disabled)
          await audit.append({
            actor: cliActor(),
            action: disabled ? 'user.disable' : 'user.enable',
            targetKind: 'user',
            targetId: u.username,
            source: cliSource(),
          })
          out(o.json || globalOptions(cmd).json ? JSON.stringify(userJson(u)) : `${u.username} is ${disabled ? 'disabled' : 'enabled'}`)
        })
        setExit(0)
      })
  }

  user
    .command('list')
    .description('Accounts, their roles and state')
    .option('--json', 'one JSON object per line')
    .action(async (o: { json?: boolean }, cmd: Command) => {
      await withUsers(cmd, async (users) => {
        for (const u of await users.list()) {
          if (o.json || globalOptions(cmd).json) out(JSON.stringify(userJson(u)))
          else
            out(
              `${u.username.padEnd(20)} ${u.roles.join(',').padEnd(22)} ${u.disabled ? 'disabled' : u.mustChangePassword ? 'one-time password' : 'active'}${u.lastLoginAt ? `  last sign-in ${u.lastLoginAt}` : ''}`,
            )
        }
      })
      setExit(0)
    })
}
