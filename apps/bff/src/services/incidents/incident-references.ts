import type { IncidentActionResult } from '@cityops/domain'
import { inArray, eq } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { departments, units } from '../../db/schema'
import { HttpError } from '../../http/http-error'

// What the domain cannot know: the department exists, and the units are that department's
// and free to go (UNIT_STATUSES `available`).
export async function assertIncidentReferences(tx: Executor, result: IncidentActionResult) {
  if (result.command.type !== 'assign') return
  const { departmentCode, unitIds } = result.command
  const [department] = await tx
    .select({ code: departments.code })
    .from(departments)
    .where(eq(departments.code, departmentCode))
  if (!department) {
    throw new HttpError(
      400,
      `没有代码为 ${departmentCode} 的部门 / There is no department with code ${departmentCode}.`,
      {
        code: 'INVALID_ACTION',
        issues: [{ path: 'departmentCode', message: '部门不存在 / Unknown department' }],
      },
    )
  }
  if (unitIds.length === 0) return
  const found = await tx
    .select({ id: units.id, departmentCode: units.departmentCode, status: units.status })
    .from(units)
    .where(inArray(units.id, unitIds))
  const byId = new Map(found.map((u) => [u.id, u]))
  const problems = unitIds.flatMap((id, i) => {
    const unit = byId.get(id)
    const message = !unit
      ? `没有车辆 ${id} / There is no unit ${id}`
      : unit.departmentCode !== departmentCode
        ? `车辆 ${id} 属于 ${unit.departmentCode} / Unit ${id} belongs to ${unit.departmentCode}`
        : unit.status !== 'available'
          ? `车辆 ${id} 当前为 ${unit.status}，不可调派 / Unit ${id} is ${unit.status}, not available`
          : null
    return message ? [{ path: `unitIds.${i}`, message }] : []
  })
  if (problems.length > 0) {
    throw new HttpError(422, problems.map((p) => p.message).join('; '), {
      code: 'ACTION_REFUSED',
      reason: 'unitsUnavailable',
      issues: problems,
    })
  }
}
