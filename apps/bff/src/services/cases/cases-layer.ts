import { CASE_STATES, isTerminalCaseState, type ListScope } from '@cityops/domain'
import { sql } from 'drizzle-orm'
import { departmentCondition } from '../layers/snapshots'

const TERMINAL = CASE_STATES.filter(isTerminalCaseState)

/**
 * Open cases as a live layer for `readSnapshot` (same shape as the other layers). No reporter
 * fields; a handler sees only cases dispatched to its department (`jsonb_build_array(null)`
 * matches no code, so undispatched cases stay hidden).
 */
export const casesLayer = (scope: ListScope) => () =>
  sql`select id, ST_AsGeoJSON(location, 6) as geometry,
        jsonb_build_object('requestNumber', request_number, 'kind', kind,
          'categoryCode', category_code, 'status', status, 'districtCode', district_code,
          'channel', channel, 'responsibleDepartment', responsible_department,
          'deadline', deadline, 'reportedAt', reported_at, 'updatedAt', updated_at,
          'version', version) as properties
      from city_cases
      where status not in (${sql.join(
        TERMINAL.map((s) => sql`${s}`),
        sql`, `,
      )})
        and ${departmentCondition(sql`jsonb_build_array(responsible_department)`, scope)}
      order by reported_at`
