import { ROLE_LABELS, type Role } from '@cityops/domain'

// One line per decision for the time machine's log, in both languages: who (role) did what.

export type Names = { zh: string; en: string }
export type DepartmentNames = ReadonlyMap<string, Names>

const when = (iso: unknown) =>
  typeof iso === 'string'
    ? new Date(iso).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 16)
    : '?'

type Phrase = (d: Record<string, unknown>, dept: (code: unknown) => Names) => Names

const fixed =
  (zh: string, en: string): Phrase =>
  () => ({ zh, en })
const withReason =
  (zh: string, en: string): Phrase =>
  (d) =>
    typeof d.reason === 'string'
      ? { zh: `${zh}：${d.reason}`, en: `${en}: ${d.reason}` }
      : { zh, en }

/** 数字城管 workflow actions (DOMAIN.md §2.1), as case_actions records them. */
const CASE_PHRASES: Record<string, Phrase> = {
  accept: fixed('受理', 'accepted'),
  invalidate: withReason('作废', 'invalidated'),
  verify: fixed('核实', 'verified on site'),
  file: fixed('立案', 'filed'),
  notFile: withReason('不予立案', 'declined to file'),
  dispatch: (d, dept) => ({
    zh: `派遣至 ${dept(d.department).zh}`,
    en: `dispatched to ${dept(d.department).en}`,
  }),
  requestReturn: withReason('申请回退', 'requested a return'),
  approveReturn: (d, dept) => ({
    zh: `同意 ${dept(d.departmentBefore).zh} 回退`,
    en: `approved the return by ${dept(d.departmentBefore).en}`,
  }),
  rejectReturn: fixed('驳回回退申请', 'rejected the return'),
  requestExtension: (d) => ({
    zh: `申请延期至 ${when(d.until)}`,
    en: `requested an extension to ${when(d.until)}`,
  }),
  approveExtension: (d) => ({
    zh: `批准延期，处置时限改为 ${when(d.deadline)}`,
    en: `approved the extension, deadline now ${when(d.deadline)}`,
  }),
  rejectExtension: fixed('驳回延期申请', 'rejected the extension'),
  requestSuspension: withReason('申请挂账', 'requested suspension'),
  approveSuspension: fixed('批准挂账', 'approved suspension'),
  rejectSuspension: fixed('驳回挂账申请', 'rejected suspension'),
  resume: fixed('恢复办理', 'resumed the case'),
  dispose: fixed('反馈处置完毕', 'reported the disposal'),
  assignCheck: fixed('下发核查', 'issued the check'),
  checkPass: fixed('核查通过', 'passed the check'),
  checkFail: withReason('核查不通过，返工', 'failed the check (rework)'),
  close: fixed('结案', 'closed the case'),
  supervise: (d) => ({
    zh: `督办：${String(d.note ?? '')}`,
    en: `supervised (${String(d.level ?? '')}): ${String(d.note ?? '')}`,
  }),
}

/** Audit-logged decisions without a domain summary of their own. */
const AUDIT_PHRASES: Record<string, Phrase> = {
  'incident.escalate': (d, dept) => ({
    zh: `${dept(d.departmentCode).zh} 未确认调派，升级报警`,
    en: `escalated: ${dept(d.departmentCode).en} did not acknowledge`,
  }),
  'alarm.acknowledge': fixed('确认报警', 'acknowledged the alarm'),
  'caseSla.update': fixed('修改处置时限配置', 'changed the case time limits'),
  'planTargets.update': fixed('修改结案目标', 'changed the case goals'),
}

export function actorLabel(name: string, role: string | null): Names {
  const label = role && role in ROLE_LABELS ? ROLE_LABELS[role as Role] : null
  return label
    ? { zh: `${name}（${label.zh}）`, en: `${name} (${label.en.toLowerCase()})` }
    : { zh: name, en: name }
}

/** What was decided, in both languages, from the action and its recorded facts. */
export function describeDecision(
  source: 'case' | 'audit',
  action: string,
  detail: Record<string, unknown>,
  departments: DepartmentNames,
): Names {
  const dept = (code: unknown): Names =>
    typeof code === 'string'
      ? (departments.get(code) ?? { zh: code, en: code })
      : { zh: '?', en: '?' }
  const phrase = source === 'case' ? CASE_PHRASES[action] : AUDIT_PHRASES[action]
  if (phrase) return phrase(detail, dept)
  const summary = detail.summaryText as Partial<Names> | undefined // incident workflow
  if (summary?.zh && summary.en) return { zh: summary.zh, en: summary.en }
  return { zh: action, en: action }
}
