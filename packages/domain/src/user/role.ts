// DOMAIN.md §2.1 standard roles (监督员, 受理员, 值班长, 派遣员, 专业部门) plus our own.
export const ROLES = [
  'inspector',
  'intake',
  'shiftLead',
  'dispatcher',
  'handler',
  'operator',
  'leader',
  'admin',
] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS = {
  inspector: { zh: '监督员', en: 'Field inspector' },
  intake: { zh: '受理员', en: 'Intake operator' },
  shiftLead: { zh: '值班长', en: 'Shift lead' },
  dispatcher: { zh: '派遣员', en: 'Dispatcher' },
  handler: { zh: '专业部门处置员', en: 'Department handler' },
  operator: { zh: '应急值守员', en: 'Emergency duty operator' },
  leader: { zh: '领导', en: 'Leader' },
  admin: { zh: '系统管理员', en: 'System administrator' },
} as const satisfies Record<Role, { zh: string; en: string }>
