import { INCIDENT_CATEGORIES, INCIDENT_GRADES, INCIDENT_STATUSES } from '@cityops/domain'
import { describe, expect, it } from 'vitest'
import { isInZhengzhouBox, makeIncident } from '../../../test/fixtures/cap/incidents'
import { buildCapAlert } from './build-cap'
import { CapError } from './cap-error'
import { buildCapIdentifier, GBT_35965_IDENTIFIER } from './cap-identifier'
import { capToIncidentDraft } from './cap-to-incident'
import { incidentToCap } from './incident-to-cap'
import { parseCapAlert } from './parse-cap'

const SENT = new Date('2025-07-20T01:30:05.678Z') // 09:30:05 in Beijing

describe('buildCapIdentifier (GB/T 35965.1-style rule, DOMAIN.md §2.3)', () => {
  it('uses Beijing time and the defaults 410100 / 000 / 000 / 00 / 0', () => {
    const id = buildCapIdentifier({}, SENT)
    expect(id).toBe('41010000000000_20250720093005_0')
    expect(id).toHaveLength(31)
    expect(id).toMatch(GBT_35965_IDENTIFIER)
  })

  it('takes configured parts and refuses malformed ones', () => {
    const parts = {
      adminCode: '410105',
      orgCode: '123',
      internalCode: '456',
      extension: '78',
      sequence: 9,
    }
    expect(buildCapIdentifier(parts, SENT)).toBe('41010512345678_20250720093005_9')
    expect(() => buildCapIdentifier({ orgCode: '12' }, SENT)).toThrow(CapError)
    expect(() => buildCapIdentifier({ sequence: 10 }, SENT)).toThrow(/sequence/)
  })
})

describe('incidentToCap', () => {
  it('maps grades Ⅰ–Ⅳ to Extreme, Severe, Moderate, Minor', () => {
    const severities = INCIDENT_GRADES.map(
      (grade) => incidentToCap(makeIncident({ grade }), { sentAt: SENT }).infos[0]?.severity,
    )
    expect(severities).toEqual(['Extreme', 'Severe', 'Moderate', 'Minor'])
  })

  it('maps every category to a CAP category and back to itself', () => {
    for (const category of INCIDENT_CATEGORIES) {
      for (const grade of INCIDENT_GRADES) {
        const incident = makeIncident({ category, grade })
        const xml = buildCapAlert(incidentToCap(incident, { sentAt: SENT }))
        const result = capToIncidentDraft(parseCapAlert(xml), {
          isInsideJurisdiction: isInZhengzhouBox,
        })
        if (result.kind !== 'incident')
          throw new Error(`no draft for ${category}: ${result.reason}`)
        expect(result.draft).toMatchObject({
          category,
          grade,
          districtCode: '410105',
          source: 'CAP',
        })
        expect(result.draft.location).toEqual(incident.location)
      }
    }
  })

  it('derives urgency, certainty and response from the status', () => {
    const rows = INCIDENT_STATUSES.map((status) => {
      const info = incidentToCap(makeIncident({ status }), { sentAt: SENT }).infos[0]
      return [status, info?.urgency, info?.certainty, info?.responseType.join()]
    })
    expect(rows).toEqual([
      ['reported', 'Immediate', 'Likely', ''],
      ['confirmed', 'Immediate', 'Observed', ''],
      ['responding', 'Immediate', 'Observed', ''],
      ['resolved', 'Past', 'Observed', 'AllClear'],
      ['closed', 'Past', 'Observed', 'AllClear'],
    ])
  })

  it('fills the alert: identifier, sender, +08:00 time, zh-CN info, circle and district geocode', () => {
    const incident = makeIncident({ grade: 'II' })
    const alert = incidentToCap(incident, { sentAt: SENT, radiusKm: 2 })
    expect(alert).toMatchObject({
      identifier: '41010000000000_20250720093005_0',
      sender: 'cityops@zhengzhou.gov.cn',
      sent: '2025-07-20T09:30:05+08:00',
      status: 'Actual',
      msgType: 'Alert',
      scope: 'Public',
      incidents: incident.id,
    })
    expect(alert.infos).toHaveLength(1)
    expect(alert.infos[0]).toMatchObject({
      language: 'zh-CN',
      event: '内涝积水',
      headline: `【橙色·Ⅱ级重大】${incident.title}`,
      senderName: '郑州市城市运行指挥中心',
      parameter: [{ valueName: 'cityops:incidentId', value: incident.id }],
    })
    expect(alert.infos[0]?.areas).toEqual([
      {
        areaDesc: incident.address,
        polygons: [],
        circles: [{ center: [113.6694, 34.7706], radiusKm: 2 }],
        geocodes: [{ valueName: 'GB/T 2260', value: '410105' }],
      },
    ])
  })

  it('takes a configured sender, an en-US info and a district name when there is no address', () => {
    const incident = makeIncident({ address: null, districtCode: '410102' })
    const alert = incidentToCap(incident, {
      sentAt: SENT,
      sender: 'ops@example.org',
      english: { description: 'Flooding at a junction.' },
    })
    expect(alert.sender).toBe('ops@example.org')
    expect(alert.infos.map((i) => i.language)).toEqual(['zh-CN', 'en-US'])
    expect(alert.infos[1]).toMatchObject({
      event: 'Flooding / waterlogging',
      headline: 'Flooding / waterlogging — grade III (Relatively serious)',
      description: 'Flooding at a junction.',
    })
    expect(alert.infos[0]?.areas[0]?.areaDesc).toBe('中原区')
  })

  it('needs references for Update and Cancel', () => {
    const incident = makeIncident()
    expect(() => incidentToCap(incident, { sentAt: SENT, msgType: 'Cancel' })).toThrow(CapError)
    const first = incidentToCap(incident, { sentAt: SENT })
    const update = incidentToCap(
      { ...incident, status: 'resolved' },
      { sentAt: new Date('2025-07-20T03:00:00Z'), msgType: 'Update', references: [first] },
    )
    expect(update.references).toEqual([
      { sender: first.sender, identifier: first.identifier, sent: first.sent },
    ])
  })
})
