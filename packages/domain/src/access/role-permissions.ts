import { z } from 'zod'
import type { Role } from '../user'
import type { Permission } from './permissions'

// Every person may look after their own credentials (等保 identification needs them to).
const SELF = ['self.changePassword', 'self.manageMfa'] as const satisfies readonly Permission[]

// Who does what follows the DOMAIN.md §2.1 roles (监督员 / 受理员 / 值班长 / 派遣员 / 专业部门) plus
// our own three. Least privilege: a role gets the reads its work needs, nothing "just in case".
// Change this table and role-matrix.test.ts together: the test is the reviewable picture.
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  // Field eyes: report what they see, then go back to 核实 and 核查 on site.
  inspector: ['case.read', 'case.report', 'case.verify', 'case.check', ...SELF],
  // Intake seat: registers hotline/citizen reports, accepts or rejects, sends inspectors out.
  intake: [
    'case.read',
    'case.report',
    'case.accept',
    'case.reject',
    'case.issueVerify',
    'case.issueCheck',
    ...SELF,
  ],
  // Shift lead: the filing and closing decisions, and approves extensions; watches KPIs and
  // acknowledges the wall's alarms with the duty operator. Leads the shift's emergencies too:
  // grades, assigns and closes incidents, and hears about unacknowledged assignments.
  shiftLead: [
    'wall.view',
    'thematic.view',
    'evaluation.view',
    'incident.read',
    'incident.grade',
    'incident.assign',
    'incident.close',
    'alert.read',
    'alarm.acknowledge',
    'case.read',
    'case.file',
    'case.notFile',
    'case.decideExtension',
    'case.close',
    'unit.read',
    ...SELF,
  ],
  // Dispatcher: routes cases and incidents to departments and rules on their requests.
  dispatcher: [
    'wall.view',
    'thematic.view',
    'incident.read',
    'incident.assign',
    'alert.read',
    'case.read',
    'case.dispatch',
    'case.decideReturn',
    'case.decideExtension',
    'case.decideSuspension',
    'case.resume',
    'unit.read',
    ...SELF,
  ],
  // Department handler: works only what is assigned to its department (scoped in `can`).
  handler: [
    'incident.read',
    'incidentAssignment.progress',
    'case.read',
    'case.dispose',
    'case.requestReturn',
    'case.requestExtension',
    'case.requestSuspension',
    'unit.read',
    'unit.update',
    ...SELF,
  ],
  // Emergency duty operator: runs incidents end to end; sees cases on the wall, never acts on them.
  operator: [
    'wall.view',
    'thematic.view',
    'incident.read',
    'incident.create',
    'incident.update',
    'incident.grade',
    'incident.assign',
    'incident.close',
    'alert.read',
    'alert.acknowledge',
    'alarm.acknowledge',
    'case.read',
    'unit.read',
    'unit.update',
    ...SELF,
  ],
  // Leader: reads everything including audit; the one act is 督办.
  leader: [
    'wall.view',
    'thematic.view',
    'evaluation.view',
    'incident.read',
    'alert.read',
    'case.read',
    'case.supervise',
    'unit.read',
    'audit.read',
    'audit.export', // the issue: audit viewer for admin and leader, with CSV export
    ...SELF,
  ],
  // Administrator: accounts, reference data and the audit trail; no case or incident contents
  // (the audit log shows who did what to which id, which is what administration needs).
  admin: [
    'caseCategory.manage',
    'unit.manage',
    'user.manage',
    'department.manage',
    'apiKey.manage',
    'audit.read',
    'audit.export',
    ...SELF,
  ],
}

// Machine clients are not roles: a key carries explicit scopes chosen from this list. Reads are
// for partner departments (department-bound keys see only their department, as handlers do);
// `unit.update` is for a department's vehicle-location gateway.
export const API_KEY_SCOPES = [
  'ingest.environment',
  'ingest.traffic',
  'ingest.cap',
  'ingest.open311',
  'incident.read',
  'case.read',
  'unit.read',
  'unit.update',
] as const satisfies readonly Permission[]
export const ApiKeyScope = z.enum(API_KEY_SCOPES)
export type ApiKeyScope = z.infer<typeof ApiKeyScope>
