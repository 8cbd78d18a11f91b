/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
/**
 * The rule set in force: its version, when it loaded, each rule with what it has found
 * (deficiencies by status, when it last found one), and, when the latest edit of the rule
 * files was refused, the problems with file and location (the previous set stays in force);
 * then the other files the records lead edits (document types, routing, protected categories,
 * retention), each with what is in force and its latest refused edit.
 *
 * GET /rules
 */
import type { Hono } from 'hono'
import type { WebDeps } from '../deps.js'
import { DeskQueries } from '../desk.js'
import type { AppEnv } from '../env.js'
import { plural, typeLabel, when } from '../format.js'
import { DeficienciesRepo } from '../../deficiencies/repo.js'
import { RulesetVersions } from '../../deficiencies/rulesetVersions.js'
import { RulesetName } from './deficiencies.js'
import { Badge, Empty } from '../layout.js'
import { need } from '../middleware/session.js'
import { page } from '../render.js'

export function registerRuleRoutes(app: Hono<AppEnv>, deps: WebDeps): void {
  const desk = new DeskQueries(deps.catalog)

  app.get('/rules', need('rules.view'), async (c) => {
    const st = deps.rules?.status() ?? null
    const rs = deps.rules?.current ?? null
    const deficiencies = new DeficienciesRepo(deps.sql)
    const counts = await deficiencies.ruleCounts()
    const last = await deficiencies.lastCheckOfAny()
    const versions = await new RulesetVersions(deps.sql).all()
    // Document types, routing, protected categories, retention: each kept at its last good version.
    const others = (deps.ruleFiles?.status() ?? []).filter((k) => k.kind !== 'checks')
    return page(
      c,
      { title: 'Rules', active: 'rules', wide: true },
      <>
        <h1>Rule set in force</h1>
        {!st ? (
          <Empty>The rule set is not watched by this process.</Empty>
        ) : (
          <>
            <dl class="facts panel">
              <dt>Version</dt>
              <dd>{st.version ? <RulesetName version={st.version} versions={versions} /> : <strong>no rule set has loaded</strong>}</dd>
              <dt>Loaded</dt>
              <dd>{when(st.loadedAt, deps.clock)}</dd>
              <dt>Rules</dt>
              <dd>
                {plural(st.rules, 'rule')} from <code>{st.dir}</code>
              </dd>
              <dt>Last check</dt>
              <dd>
                {last ? (
                  <>
                    {when(last.at, deps.clock)} with{' '}
                    {last.rulesetVersion ? <RulesetName version={last.rulesetVersion} versions={versions} /> : 'an unknown rule set'}
                  </>
                ) : (
                  'no chart has been checked yet'
                )}
              </dd>
            </dl>
            {st.lastError ? (
              <section class="panel panel-bad" role="alert">
                <h2>The latest edit of the rule files was refused</h2>
                <p>
                  Refused {when(st.lastError.at, deps.clock)}.{' '}
                  {st.lastError.keptVersion ? (
                    <>
                      <RulesetName version={st.lastError.keptVersion} versions={versions} /> stays in force.
                    </>
                  ) : (
                    'No earlier rule set is in force.'
                  )}{' '}
                  Fix these problems and save the file again:
                </p>
                <ul class="problems">
                  {st.lastError.messages.map((m) => (
                    <li>
                      <code>{m}</code>
                    </li>
                  ))}
                </ul>
              </section>
            ) : (
              <p class="flash">The rule files on disk are the rule set in force.</p>
            )}
          </>
        )}
        {rs ? (
          <table class="list">
            <thead>
              <tr>
                <th>Rule</th>
                <th>Applies to</th>
                <th>Severity</th>
                <th>Kind</th>
                <th>Version</th>
                <th class="num">Open</th>
                <th class="num">Completed</th>
                <th class="num">Verified</th>
                <th class="num">Waived / rejected</th>
                <th>Last found</th>
              </tr>
            </thead>
            <tbody>
              {rs.rules.map((r) => {
                const k = counts.get(r.id)
                const n = (s: string) => k?.byStatus[s] ?? 0
                const applies =
                  r.appliesTo === 'chart'
                    ? 'the whole chart'
                    : r.appliesTo === 'all_documents'
                      ? 'every document'
                      : r.appliesTo.map(typeLabel).join(', ')
                return (
                  <tr class={r.enabled ? undefined : 'disabled'}>
                    <td>
                      <strong>{r.id}</strong> {r.title}
                      {r.enabled ? null : <Badge kind="muted">disabled</Badge>}
                      <div class="small muted">{r.file}</div>
                    </td>
                    <td class="small">{applies}</td>
                    <td>
                      <Badge kind={r.severity}>{r.severity}</Badge>
                    </td>
                    <td class="small">{r.kind.replace(/_/g, ' ')}</td>
                    <td class="num">{r.version}</td>
                    <td class="num">
                      {n('open') ? <a href={`/deficiencies?status=open&rule=${encodeURIComponent(r.id)}`}>{n('open')}</a> : 0}
                    </td>
                    <td class="num">{n('completed')}</td>
                    <td class="num">{n('verified')}</td>
                    <td class="num">{n('waived') + n('rejected')}</td>
                    <td class="small">{k?.lastSeenAt ? when(k.lastSeenAt, deps.clock) : <span class="muted">never</span>}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        ) : null}
        {others.length ? (
          <section>
            <h2>Other rule files in force</h2>
            <table class="list">
              <thead>
                <tr>
                  <th>Files</th>
                  <th>From</th>
                  <th>In force</th>
                  <th>Latest edit</th>
                </tr>
              </thead>
              <tbody>
                {others.map((k) => (
                  <tr>
                    <td>{k.title}</td>
                    <td>
                      <code>{k.location}</code>
                    </td>
                    <td>
                      {k.summary ? (
                        <>
                          {k.summary}, loaded {when(k.loadedAt, deps.clock)}
                        </>
                      ) : (
                        <strong>nothing has loaded</strong>
                      )}
                    </td>
                    <td>
                      {k.lastError ? (
                        <div role="alert">
                          <Badge kind="bad">refused {when(k.lastError.at, deps.clock)}</Badge>{' '}
                          {k.lastError.keptVersion
                            ? 'the last good version stays in force. Fix and save again:'
                            : 'nothing earlier is in force. Fix and save again:'}
                          <ul class="problems">
                            {k.lastError.messages.map((m) => (
                              <li>
                                <code>{m}</code>
                              </li>
                            ))}
                          </ul>
                        </div>
                      ) : (
                        <Badge kind="ok">in force</Badge>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}
      </>,
    )
  })
}
