import type { IncidentAssignmentView, IncidentDetail, IncidentItem } from '../../api/incidents'

// Bodies shaped as apps/bff/test/incident-workflow.test.ts shows them, for the web tests.
export const item = (n: number, overrides: Partial<IncidentItem> = {}): IncidentItem => ({
  id: `inc${n}`,
  source: '119',
  category: 'fire',
  grade: 'IV',
  status: 'responding',
  title: `仓库起火 ${n}`,
  location: [113.68, 34.78],
  departments: [],
  reportedAt: new Date(Date.now() - n * 60_000).toISOString(),
  updatedAt: new Date().toISOString(),
  version: 3,
  assignments: { total: 0, finished: 0 },
  ...overrides,
})

export const assignment = (
  departmentCode: string,
  overrides: Partial<IncidentAssignmentView> = {},
): IncidentAssignmentView => ({
  id: `as-${departmentCode}`,
  incidentId: 'inc1',
  departmentCode,
  unitIds: [],
  units: [],
  status: 'notified',
  notifiedAt: '2026-05-04T02:00:00.000Z',
  acknowledgedAt: null,
  enRouteAt: null,
  onSceneAt: null,
  finishedAt: null,
  escalatedAt: null,
  note: null,
  allowedActions: [],
  ...overrides,
})

export const detail = (
  overrides: Partial<IncidentItem> = {},
  assignments: IncidentAssignmentView[] = [],
  allowedActions: IncidentDetail['allowedActions'] = [],
): IncidentDetail => ({
  incident: { ...item(1, overrides), description: '有人员受伤', districtCode: '410105' },
  assignments,
  allowedActions,
})

export const DEPARTMENTS = {
  items: [
    { code: 'xfzd', name: '郑州市消防救援支队', nameEn: 'Fire and Rescue', kind: 'emergency' },
    {
      code: 'ji120',
      name: '郑州市急救中心',
      nameEn: 'Emergency Medical Centre',
      kind: 'emergency',
    },
    { code: 'cgj', name: '郑州市城市管理局', nameEn: 'Urban Management', kind: 'cityManagement' },
  ],
}
