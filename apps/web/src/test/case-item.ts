import type { CaseItem } from '../api/cases'

/** A list item as `GET /api/cases` answers it, for web tests: case `n`, reported at 0n:00. */
export const caseItem = (n: number, over: Partial<CaseItem> = {}): CaseItem => ({
  id: `c${n}`,
  requestNumber: `ZZ-2026-00${n}`,
  kind: 'event',
  categoryCode: '0106',
  componentId: null,
  gridCode: null,
  status: 'DISPATCHED',
  description: `人行道乱堆杂物 ${n}`,
  address: null,
  location: { type: 'Point', coordinates: [113.62, 34.75] },
  districtCode: '410105',
  channel: 'hotline',
  mediaUrl: null,
  deadline: null,
  responsibleDepartment: 'cgj',
  reportedAt: `2026-11-20T0${n}:00:00+08:00`,
  updatedAt: `2026-11-20T0${n}:00:00+08:00`,
  version: 4,
  checkInspector: null,
  pendingRequest: null,
  ...over,
})
