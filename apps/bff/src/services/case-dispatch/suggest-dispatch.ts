import {
  ComponentId,
  DUPLICATE_RADIUS_M,
  DUPLICATE_WINDOW_HOURS,
  districtCityManagementCode,
  ON_TIME_WINDOW_DAYS,
  rankDepartments,
  routeDepartment,
  type Actor,
  type DispatchFacts,
  type ListScope,
} from '@cityops/domain'
import { inArray, sql } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { departments } from '../../db/schema'
import { queryRows } from '../../db/query-rows'
import { assertReadable, readCaseRecord, type CaseRecord } from '../case-workflow/case-record'
import { beijingIso } from '../cases/case-time'
import { caseEvaluation } from '../kpis/case-evaluation'

const DAY_MS = 86_400_000
const ALL: ListScope = { kind: 'all' }

// There is no grid → responsible-body table in the database (grids are codes only), so the
// grid's body is the district 城市管理局 of the grid's admin prefix ("属地兜底") [U].
function factsOf(c: CaseRecord): DispatchFacts {
  const district = c.gridCode ? c.gridCode.slice(0, 6) : c.districtCode
  const gridBody =
    districtCityManagementCode(district) ?? districtCityManagementCode(c.districtCode)
  const component =
    c.componentId && ComponentId.safeParse(c.componentId).success ? c.componentId : null
  const owner = component
    ? routeDepartment('component', component.slice(6, 10), component.slice(0, 6))
    : null
  return {
    categoryRoute: routeDepartment(c.kind, c.categoryCode, c.districtCode),
    gridOwner: gridBody
      ? {
          departmentCode: gridBody,
          gridCode: c.gridCode,
          districtCode: district,
          isDerivedFromDistrict: true,
        }
      : null,
    componentOwner: component && owner ? { departmentCode: owner, componentId: component } : null,
  }
}

/**
 * 派遣 suggestion for one case, explained (the ranking is the domain's rankDepartments), and
 * its probable duplicates: same kind and category within 100 m and 72 h, still open.
 */
export async function suggestDispatch(db: Database, actor: Actor, id: string, now: Date) {
  const record = await readCaseRecord(db, id)
  assertReadable(actor, record)
  const facts = factsOf(record)
  const codes = [
    facts.componentOwner?.departmentCode,
    facts.categoryRoute,
    facts.gridOwner?.departmentCode,
  ].filter((c): c is string => typeof c === 'string')
  const known = codes.length
    ? await db
        .select({ code: departments.code, name: departments.name, active: departments.active })
        .from(departments)
        .where(inArray(departments.code, codes))
    : []
  const names = new Map(known.filter((d) => d.active).map((d) => [d.code, d.name]))
  const open = await openCases(db, [...names.keys()])
  const onTime = await caseEvaluation(
    db,
    ALL,
    {
      groupBy: 'department',
      from: new Date(now.getTime() - ON_TIME_WINDOW_DAYS * DAY_MS).toISOString(),
      to: now.toISOString(),
    },
    now,
    { departments: [...names.keys()] }, // only their 按期结案率 is needed
  )
  const rateOf = new Map(onTime.rows.map((r) => [r.code, r.onTimeRate]))
  const ranked = rankDepartments(
    // only departments that exist and are active can be suggested
    {
      categoryRoute:
        facts.categoryRoute && names.has(facts.categoryRoute) ? facts.categoryRoute : null,
      gridOwner:
        facts.gridOwner && names.has(facts.gridOwner.departmentCode) ? facts.gridOwner : null,
      componentOwner:
        facts.componentOwner && names.has(facts.componentOwner.departmentCode)
          ? facts.componentOwner
          : null,
    },
    (code) => ({ openCases: open.get(code) ?? 0, onTimeRate: rateOf.get(code) ?? null }),
    (code) => names.get(code) ?? code,
  )
  return { caseId: record.id, departments: ranked, duplicates: await duplicatesOf(db, record) }
}

async function openCases(db: Database, codes: readonly string[]): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map()
  const rows = await queryRows<{ code: string; n: number }>(
    db,
    sql`select responsible_department as code, count(*)::int as n from city_cases
        where status in ('DISPATCHED', 'SUSPENDED')
          and responsible_department in (${sql.join(
            codes.map((c) => sql`${c}`),
            sql`, `,
          )})
        group by responsible_department`,
  )
  return new Map(rows.map((r) => [r.code, Number(r.n)]))
}

async function duplicatesOf(db: Database, c: CaseRecord) {
  const windowMs = DUPLICATE_WINDOW_HOURS * 3_600_000
  const rows = await queryRows<{
    id: string
    request_number: string
    category_code: string
    distance_m: number | string
    reported_at: Date | string
    status: string
  }>(
    db,
    sql`select o.id, o.request_number, o.category_code, o.status, o.reported_at,
          ST_Distance(o.location::geography, ST_SetSRID(ST_MakePoint(${c.lng}, ${c.lat}), 4326)::geography)
            as distance_m
        from city_cases o
        where o.id <> ${c.id} and o.kind = ${c.kind} and o.category_code = ${c.categoryCode}
          and o.status not in ('INVALID', 'CLOSED')
          and o.reported_at >= ${new Date(c.reportedAt.getTime() - windowMs).toISOString()}::timestamptz
          and o.reported_at <= ${new Date(c.reportedAt.getTime() + windowMs).toISOString()}::timestamptz
          and ST_DWithin(o.location::geography,
                ST_SetSRID(ST_MakePoint(${c.lng}, ${c.lat}), 4326)::geography, ${DUPLICATE_RADIUS_M})
        order by distance_m, o.reported_at
        limit 20`,
  )
  return rows.map((r) => ({
    id: r.id,
    requestNumber: r.request_number,
    categoryCode: r.category_code,
    distanceM: Math.round(Number(r.distance_m)),
    reportedAt: beijingIso(new Date(r.reported_at)),
    status: r.status,
  }))
}
