import { describe, expect, it } from 'vitest'
import { routeDepartment } from './category-routes'
import {
  dispatchScore,
  rankDepartments,
  summarizeReasons,
  type DepartmentLoad,
  type DispatchFacts,
} from './dispatch-suggestion'

const loads: Record<string, DepartmentLoad> = {
  szgc: { openCases: 2, onTimeRate: 0.96 },
  'cg-410105': { openCases: 0, onTimeRate: null },
  cgj: { openCases: 30, onTimeRate: 1 },
}
const loadOf = (code: string) => loads[code] ?? { openCases: 0, onTimeRate: null }
const nameOf = (code: string) => `name-${code}`

describe('routeDepartment', () => {
  it.each([
    ['component', '0102', 'szgc'], // 大类 route
    ['component', '0203', 'jjzd'], // 小类 beats 大类
    ['event', '0105', 'slj'],
    ['event', '0201', 'cg-410105'], // district office
    ['event', '0699', 'cg-410105'], // unlisted → 属地兜底
  ] as const)('%s %s → %s', (kind, code, expected) => {
    expect(routeDepartment(kind, code, '410105')).toBe(expected)
  })

  it('has no district office for an unknown district', () => {
    expect(routeDepartment('event', '0201', '999999')).toBeNull()
  })
})

describe('rankDepartments', () => {
  const manhole: DispatchFacts = {
    categoryRoute: 'szgc',
    componentOwner: { departmentCode: 'szgc', componentId: '4101050102000001' },
    gridOwner: {
      departmentCode: 'cg-410105',
      gridCode: '41010500100101',
      districtCode: '410105',
      isDerivedFromDistrict: true,
    },
  }

  it('puts the component owner first and explains it in both languages', () => {
    const [first, second] = rankDepartments(manhole, loadOf, nameOf)
    expect(first).toMatchObject({
      departmentCode: 'szgc',
      departmentName: 'name-szgc',
      // 50 + 40 + 0.96 × 20 − 2 × 2
      score: 105.2,
      summary: {
        zh: '部件权属单位；30天按期率96%；在办2件',
        en: 'owner of the component; 96% on time in 30 days; 2 open',
      },
    })
    expect(first?.reasons.map((r) => r.kind)).toEqual([
      'componentOwner',
      'categoryRoute',
      'onTimeRate',
      'openCases',
    ])
    // 30 (grid) + 10 (no history) − 0
    expect(second).toMatchObject({ departmentCode: 'cg-410105', score: 40 })
    expect(second?.summary.zh).toBe('网格41010500100101责任单位；30天内无到期案件；在办0件')
  })

  it('caps the open-case penalty and breaks ties by fewer open cases', () => {
    expect(dispatchScore([{ kind: 'openCases', count: 30 }])).toBe(-20)
    const tie: DispatchFacts = {
      categoryRoute: 'cgj',
      componentOwner: null,
      gridOwner: {
        departmentCode: 'szgc',
        gridCode: null,
        districtCode: '410105',
        isDerivedFromDistrict: true,
      },
    }
    // cgj: 40 + 20 − 20 = 40; szgc: 30 + 19.2 − 4 = 45.2
    expect(rankDepartments(tie, loadOf, nameOf).map((s) => [s.departmentCode, s.score])).toEqual([
      ['szgc', 45.2],
      ['cgj', 40],
    ])
  })

  it('names the district when there is no grid code', () => {
    expect(
      summarizeReasons([
        { kind: 'gridOwner', gridCode: null, districtCode: '410105', isDerivedFromDistrict: true },
      ]),
    ).toEqual({ zh: '属地责任单位', en: 'responsible for the district' })
  })

  it('suggests nothing without any ownership fact', () => {
    expect(
      rankDepartments(
        { categoryRoute: null, componentOwner: null, gridOwner: null },
        loadOf,
        nameOf,
      ),
    ).toEqual([])
  })
})
