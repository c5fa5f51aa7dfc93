import { describe, it, expect } from 'vitest'
import { DISTRICTS } from '../district'
import {
  DEPARTMENTS,
  DEPARTMENT_KINDS,
  Department,
  DepartmentCode,
  departmentByCode,
  districtCityManagementCode,
} from './index'

describe('DEPARTMENTS', () => {
  it('has 13 city-level bodies and one city-management office per district', () => {
    expect(DEPARTMENTS).toHaveLength(13 + 12)
    expect(DEPARTMENTS.filter((d) => d.kind === 'districtCityManagement')).toHaveLength(12)
  })

  it('every entry parses and codes are unique', () => {
    for (const d of DEPARTMENTS) expect(Department.safeParse(d).success).toBe(true)
    expect(new Set(DEPARTMENTS.map((d) => d.code)).size).toBe(DEPARTMENTS.length)
  })

  it('uses every department kind at least once', () => {
    expect(new Set(DEPARTMENTS.map((d) => d.kind))).toEqual(new Set(DEPARTMENT_KINDS))
  })

  it.each([
    ['cgj', '郑州市城市管理局', 'cityManagement'],
    ['sthjj', '郑州市生态环境局', 'environment'],
    ['jjzd', '郑州市公安局交通警察支队', 'trafficPolice'],
    ['xfzd', '郑州市消防救援支队', 'fire'],
    ['ji120', '郑州市120急救指挥中心', 'medical'],
    ['gaj110', '郑州市公安局110指挥中心', 'police'],
    ['rx12345', '郑州市12345市民服务热线', 'hotline'],
    ['cg-410102', '中原区城市管理局', 'districtCityManagement'],
    ['cg-410185', '登封市城市管理局', 'districtCityManagement'],
  ])('%s is %s (%s)', (code, name, kind) => {
    expect(departmentByCode(code)).toMatchObject({ code, name, kind })
  })

  it('maps each district to its city-management office', () => {
    for (const d of DISTRICTS) expect(districtCityManagementCode(d.code)).toBe(`cg-${d.code}`)
    expect(districtCityManagementCode('410171')).toBeUndefined()
  })
})

describe('Department schema', () => {
  it.each([
    ['cg', true],
    ['cg-410102', true],
    ['rx12345', true],
    ['c', false],
    ['CGJ', false],
    ['cg_410102', false],
    ['a'.repeat(33), false],
  ])('code %s valid = %s', (code, ok) => {
    expect(DepartmentCode.safeParse(code).success).toBe(ok)
  })

  it('requires districtCode for a district office', () => {
    const office = { code: 'cg-x', name: 'x', nameEn: 'x', kind: 'districtCityManagement' }
    expect(Department.safeParse(office).success).toBe(false)
    expect(Department.safeParse({ ...office, districtCode: '410105' }).success).toBe(true)
    expect(Department.safeParse({ ...office, districtCode: '410100' }).success).toBe(false)
  })
})
