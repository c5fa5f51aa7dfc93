import { describe, it, expect } from 'vitest'
import { ROLES } from '../user'
import type { Role } from '../user'
import { PERMISSIONS, Permission } from './permissions'
import { can } from './policy'
import type { Actor } from './actor'

// The whole role policy as one picture, so a change shows up in review as a changed cell.
// x = allowed everywhere, d = only on objects of the actor's own department, . = denied.
const MATRIX = `
permission                   inspector intake shiftLead dispatcher handler operator leader admin
wall.view                        .       .       x          x        .       x       x     .
thematic.view                    .       .       x          x        .       x       x     .
evaluation.view                  .       .       x          .        .       .       x     .
incident.read                    .       .       x          x        d       x       x     .
incident.create                  .       .       .          .        .       x       .     .
incident.update                  .       .       .          .        .       x       .     .
incident.grade                   .       .       x          .        .       x       .     .
incident.assign                  .       .       x          x        .       x       .     .
incident.close                   .       .       x          .        .       x       .     .
incidentAssignment.progress      .       .       .          .        d       .       .     .
alert.read                       .       .       x          x        .       x       x     .
alert.acknowledge                .       .       .          .        .       x       .     .
alarm.acknowledge                .       .       x          .        .       x       .     .
case.read                        x       x       x          x        d       x       x     .
case.report                      x       x       .          .        .       .       .     .
case.accept                      .       x       .          .        .       .       .     .
case.reject                      .       x       .          .        .       .       .     .
case.issueVerify                 .       x       .          .        .       .       .     .
case.verify                      x       .       .          .        .       .       .     .
case.file                        .       .       x          .        .       .       .     .
case.notFile                     .       .       x          .        .       .       .     .
case.dispatch                    .       .       .          x        .       .       .     .
case.dispose                     .       .       .          .        d       .       .     .
case.requestReturn               .       .       .          .        d       .       .     .
case.decideReturn                .       .       .          x        .       .       .     .
case.requestExtension            .       .       .          .        d       .       .     .
case.decideExtension             .       .       x          x        .       .       .     .
case.requestSuspension           .       .       .          .        d       .       .     .
case.decideSuspension            .       .       .          x        .       .       .     .
case.resume                      .       .       .          x        .       .       .     .
case.issueCheck                  .       x       .          .        .       .       .     .
case.check                       x       .       .          .        .       .       .     .
case.close                       .       .       x          .        .       .       .     .
case.supervise                   .       .       .          .        .       .       x     .
caseCategory.manage              .       .       .          .        .       .       .     x
unit.read                        .       .       x          x        d       x       x     .
unit.update                      .       .       .          .        d       x       .     .
unit.manage                      .       .       .          .        .       .       .     x
user.manage                      .       .       .          .        .       .       .     x
department.manage                .       .       .          .        .       .       .     x
apiKey.manage                    .       .       .          .        .       .       .     x
audit.read                       .       .       .          .        .       .       x     x
audit.export                     .       .       .          .        .       .       x     x
self.changePassword              x       x       x          x        x       x       x     x
self.manageMfa                   x       x       x          x        x       x       x     x
ingest.environment               .       .       .          .        .       .       .     .
ingest.traffic                   .       .       .          .        .       .       .     .
ingest.cap                       .       .       .          .        .       .       .     .
ingest.open311                   .       .       .          .        .       .       .     .
`

const [header = '', ...rows] = MATRIX.trim().split('\n')
const columns = header.trim().split(/\s+/).slice(1)
const cells = rows.map((row) => row.trim().split(/\s+/))

const OWN = 'cg-410102'
const OTHER = 'cg-410105'

function actorFor(role: Role): Actor {
  return {
    kind: 'user',
    userId: `u-${role}`,
    role,
    departmentCode: role === 'handler' ? OWN : null,
  }
}

function cell(role: Role, permission: Permission): string {
  const actor = actorFor(role)
  if (can(actor, permission, { departmentCodes: [OTHER] })) return 'x'
  return can(actor, permission, { departmentCodes: [OWN] }) ? 'd' : '.'
}

describe('role × permission matrix', () => {
  it('has one column per role and one row per permission, in catalogue order', () => {
    expect(columns).toEqual([...ROLES])
    expect(cells.map(([permission]) => permission)).toEqual([...PERMISSIONS])
  })

  it.each(cells.map(([permission = '', ...marks]) => [permission, marks.join(' ')]))(
    '%s: %s',
    (permission, marks) => {
      const p = Permission.parse(permission)
      expect(ROLES.map((role) => cell(role, p)).join(' ')).toBe(marks)
    },
  )
})
