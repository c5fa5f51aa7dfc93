import type { ReplayItem, ReplayPage } from '@cityops/domain'

// Real-shaped replay items for the time machine's tests (the API's ReplayItem, not a subset).

export const incident = (at: string, id: string): ReplayItem => ({
  at,
  kind: 'incident.reported',
  subjectId: id,
  subjectType: 'incident',
  position: [113.65, 34.76],
  category: 'fire',
  severity: '3',
  actor: null,
  detail: {},
  summary: { zh: `接报火灾 ${id}`, en: `Fire reported ${id}` },
})

export const caseReported = (at: string, id: string): ReplayItem => ({
  at,
  kind: 'case.reported',
  subjectId: id,
  subjectType: 'case',
  position: [113.62, 34.75],
  category: '0101',
  severity: null,
  actor: null,
  detail: {},
  summary: { zh: `上报案件 ${id}`, en: `Case reported ${id}` },
})

export const decision = (at: string, id: string, zh: string, en: string): ReplayItem => ({
  at,
  kind: 'decision',
  subjectId: id,
  subjectType: 'case',
  position: null,
  category: 'dispatch',
  severity: null,
  actor: { id: 'u-dispatcher', name: '李派遣', role: 'dispatcher' },
  detail: { department: 'cgj' },
  summary: { zh, en },
})

/** Cuts items (oldest first) into pages linked by nextCursor "p1", "p2" …, like the API. */
export function paginate(
  from: string,
  to: string,
  items: readonly ReplayItem[],
  size: number,
): Record<string, ReplayPage> {
  const pages: Record<string, ReplayPage> = {}
  const count = Math.max(1, Math.ceil(items.length / size))
  for (let i = 0; i < count; i += 1) {
    pages[i === 0 ? '' : `p${i}`] = {
      from,
      to,
      items: items.slice(i * size, (i + 1) * size),
      nextCursor: i + 1 < count ? `p${i + 1}` : null,
    }
  }
  return pages
}
