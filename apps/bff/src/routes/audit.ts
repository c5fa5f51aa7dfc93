import { Hono } from 'hono'
import type { AppDeps } from '../app'
import type { AppEnv } from '../http/context'
import { guard } from '../http/guard'
import { describeIssues, HttpError, issueList } from '../http/http-error'
import { AuditFilter, auditCsv, queryAudit } from '../services/audit/query-audit'

const EXPORT_MAX_ROWS = 50_000

export const auditRoutes = (deps: AppDeps) => {
  const parseFilter = (query: Record<string, string>) => {
    const parsed = AuditFilter.safeParse(query)
    if (!parsed.success)
      throw new HttpError(400, describeIssues(parsed.error), { issues: issueList(parsed.error) })
    return parsed.data
  }
  return new Hono<AppEnv>()
    .get('/', guard(deps, { kind: 'permission', permission: 'audit.read' }), async (c) =>
      c.json(await queryAudit(deps.database.db, parseFilter(c.req.query()))),
    )
    .get(
      '/export.csv',
      guard(deps, { kind: 'permission', permission: 'audit.export' }),
      async (c) => {
        const { items } = await queryAudit(
          deps.database.db,
          parseFilter(c.req.query()),
          EXPORT_MAX_ROWS,
        )
        c.header('Content-Type', 'text/csv; charset=utf-8')
        c.header(
          'Content-Disposition',
          `attachment; filename="cityops-audit-${deps.clock().toISOString().slice(0, 10)}.csv"`,
        )
        return c.body(auditCsv(items))
      },
    )
}
