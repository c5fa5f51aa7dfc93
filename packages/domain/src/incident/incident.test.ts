import { describe, it, expect } from 'vitest'
import {
  INCIDENT_CATEGORIES,
  INCIDENT_CATEGORY_LABELS,
  INCIDENT_GRADES,
  INCIDENT_GRADE_STYLES,
  INCIDENT_STATUSES,
  INCIDENT_STATUS_TRANSITIONS,
  Incident,
  canTransitionIncident,
  isMoreSevereGrade,
} from './index'

const valid = {
  id: 'inc-1',
  title: '金水路与花园路交叉口两车相撞',
  description: '',
  source: '122',
  category: 'trafficAccident',
  grade: 'IV',
  status: 'reported',
  location: { type: 'Point', coordinates: [113.6758, 34.7745] },
  address: '金水路花园路口',
  districtCode: '410105',
  involvedDepartments: ['jjzd', 'ji120'],
  reportedAt: '2026-03-02T08:15:00+08:00',
  updatedAt: '2026-03-02T08:15:00+08:00',
  version: 1,
}

describe('Incident schema', () => {
  it('accepts a valid incident', () => {
    expect(Incident.parse(valid)).toEqual(valid)
  })

  it.each([
    ['source', { source: '999' }],
    ['grade', { grade: 'V' }],
    ['status', { status: 'open' }],
    ['longitude out of range', { location: { type: 'Point', coordinates: [190, 34.7] } }],
    ['latitude out of range', { location: { type: 'Point', coordinates: [113.6, -91] } }],
    ['timestamp without offset', { reportedAt: '2026-03-02T08:15:00' }],
    ['non-ISO timestamp', { updatedAt: '02/03/2026' }],
    ['bad department code', { involvedDepartments: ['JJZD'] }],
    ['duplicate departments', { involvedDepartments: ['jjzd', 'jjzd'] }],
    ['unknown district', { districtCode: '410100' }],
    ['version 0', { version: 0 }],
  ])('rejects bad %s', (_label, patch) => {
    expect(Incident.safeParse({ ...valid, ...patch }).success).toBe(false)
  })
})

describe('incident status transitions', () => {
  it('has a row for every status', () => {
    expect(Object.keys(INCIDENT_STATUS_TRANSITIONS).sort()).toEqual([...INCIDENT_STATUSES].sort())
  })

  it.each([
    ['reported', 'confirmed', true],
    ['reported', 'closed', true],
    ['reported', 'resolved', false],
    ['responding', 'resolved', true],
    ['resolved', 'responding', true],
    ['closed', 'reported', false],
  ] as const)('%s → %s allowed = %s', (from, to, ok) => {
    expect(canTransitionIncident(from, to)).toBe(ok)
  })
})

describe('labels and grade styles', () => {
  it('labels every category in zh and en', () => {
    for (const c of INCIDENT_CATEGORIES) {
      expect(INCIDENT_CATEGORY_LABELS[c].zh.length).toBeGreaterThan(0)
      expect(INCIDENT_CATEGORY_LABELS[c].en.length).toBeGreaterThan(0)
    }
  })

  it.each([
    ['I', '特别重大', '红色'],
    ['II', '重大', '橙色'],
    ['III', '较大', '黄色'],
    ['IV', '一般', '蓝色'],
  ] as const)('grade %s is %s (%s)', (grade, zh, colorName) => {
    expect(INCIDENT_GRADE_STYLES[grade]).toMatchObject({ zh, colorName })
  })

  it.each(INCIDENT_GRADES)('grade %s text/background contrast is at least 4.5:1', (grade) => {
    const { color, textColor } = INCIDENT_GRADE_STYLES[grade]
    expect(contrastRatio(color, textColor)).toBeGreaterThanOrEqual(4.5)
  })

  it('orders severity', () => {
    expect(isMoreSevereGrade('I', 'II')).toBe(true)
    expect(isMoreSevereGrade('IV', 'III')).toBe(false)
    expect(isMoreSevereGrade('II', 'II')).toBe(false)
  })
})

// WCAG 2.1 relative luminance and contrast ratio.
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
  const [r = 0, g = 0, b = 0] = channels.map((c) =>
    c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
  )
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05)
}
