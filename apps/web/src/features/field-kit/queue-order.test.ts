import { describe, expect, it } from 'vitest'
import type { CaseItem } from '../../api/cases'
import { handlerQueueOrder, inspectorTaskOrder, isOverdue, remainingMinutes } from './queue-order'

const item = (over: Partial<CaseItem>): CaseItem => ({
  id: over.requestNumber ?? 'x',
  requestNumber: 'x',
  kind: 'event',
  categoryCode: '0101',
  componentId: null,
  gridCode: null,
  status: 'DISPATCHED',
  description: '',
  address: null,
  location: { type: 'Point', coordinates: [113.6, 34.7] },
  districtCode: '410102',
  channel: 'hotline',
  mediaUrl: null,
  deadline: null,
  responsibleDepartment: 'cgj',
  reportedAt: '2026-11-20T09:00:00+08:00',
  updatedAt: '2026-11-20T09:00:00+08:00',
  version: 3,
  ...over,
})

const NOW = new Date('2026-11-23T10:00:00+08:00')

describe('handlerQueueOrder', () => {
  it('puts dispatched cases first, soonest deadline first, then suspended, then waiting for check', () => {
    const ordered = handlerQueueOrder([
      item({
        requestNumber: 'checking',
        status: 'CHECKING',
        deadline: '2026-11-22T10:00:00+08:00',
      }),
      item({ requestNumber: 'later', deadline: '2026-11-25T10:00:00+08:00' }),
      item({
        requestNumber: 'suspended',
        status: 'SUSPENDED',
        deadline: '2026-11-21T10:00:00+08:00',
      }),
      item({ requestNumber: 'overdue', deadline: '2026-11-23T08:00:00+08:00' }),
      item({ requestNumber: 'no-deadline' }),
      item({ requestNumber: 'soon', deadline: '2026-11-23T12:00:00+08:00' }),
    ])
    expect(ordered.map((c) => c.requestNumber)).toEqual([
      'overdue',
      'soon',
      'later',
      'no-deadline',
      'suspended',
      'checking',
    ])
  })

  it('keeps the older report first when deadlines tie', () => {
    const deadline = '2026-11-24T10:00:00+08:00'
    const ordered = handlerQueueOrder([
      item({ requestNumber: 'newer', deadline, reportedAt: '2026-11-21T09:00:00+08:00' }),
      item({ requestNumber: 'older', deadline, reportedAt: '2026-11-20T09:00:00+08:00' }),
    ])
    expect(ordered.map((c) => c.requestNumber)).toEqual(['older', 'newer'])
  })
})

describe('isOverdue / remainingMinutes', () => {
  it('uses the deadline when the server sends no SLA', () => {
    const late = item({ deadline: '2026-11-23T09:30:00+08:00' })
    expect(isOverdue(late, NOW)).toBe(true)
    expect(remainingMinutes(late, NOW)).toBe(-30)
    expect(isOverdue(item({ deadline: '2026-11-23T11:00:00+08:00' }), NOW)).toBe(false)
    expect(remainingMinutes(item({}), NOW)).toBeNull()
  })

  it("prefers the server's working-time SLA", () => {
    const sla = {
      deadline: '2026-11-23T09:30:00+08:00',
      remainingMinutes: 45,
      overdue: false,
      breachSoon: true,
      paused: true,
      predictedBreach: false,
    }
    const paused = item({ deadline: '2026-11-23T09:30:00+08:00', sla })
    expect(isOverdue(paused, NOW)).toBe(false)
    expect(remainingMinutes(paused, NOW)).toBe(45)
  })
})

describe('inspectorTaskOrder', () => {
  it("lists checks first and leaves out inspectors' own reports, which skip 核实", () => {
    const ordered = inspectorTaskOrder(
      [
        item({ requestNumber: 'verify', status: 'ACCEPTED', channel: 'hotline' }),
        item({ requestNumber: 'own', status: 'ACCEPTED', channel: 'inspector' }),
        item({ requestNumber: 'check', status: 'CHECKING' }),
        item({ requestNumber: 'filed', status: 'FILED' }),
      ],
      'me',
    )
    expect(ordered.tasks.map((c) => c.requestNumber)).toEqual(['check', 'verify'])
    expect(ordered.others).toBe(0)
  })

  it('keeps a 核查 given to another inspector out, and counts it', () => {
    const ordered = inspectorTaskOrder(
      [
        item({ requestNumber: 'mine', status: 'CHECKING', checkInspector: 'me' }),
        item({ requestNumber: 'anyone', status: 'CHECKING', checkInspector: null }),
        item({ requestNumber: 'theirs', status: 'CHECKING', checkInspector: 'wang' }),
      ],
      'me',
    )
    expect(ordered.tasks.map((c) => c.requestNumber)).toEqual(['mine', 'anyone'])
    expect(ordered.others).toBe(1)
  })
})
