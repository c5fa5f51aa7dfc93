// How urgent the case was judged at report time: 处置时限 is per 小类 and urgency tier (DOMAIN.md
// §2.1 "Time limits and overdue rules" 1; the open-source platform's DeptTimeLimit(eventType,
// level, timeLimit)). [U] two tiers, 一般 and 紧急, until a city's table asks for more.
export const CASE_URGENCIES = ['normal', 'urgent'] as const
export type CaseUrgency = (typeof CASE_URGENCIES)[number]

export const CASE_URGENCY_LABELS = {
  normal: { zh: '一般', en: 'Normal' },
  urgent: { zh: '紧急', en: 'Urgent' },
} as const satisfies Record<CaseUrgency, { zh: string; en: string }>
