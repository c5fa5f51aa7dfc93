import { describe, it, expect } from 'vitest'
import {
  CITY_CODE,
  DISTRICTS,
  FUNCTIONAL_AREAS,
  KnownAdminCode,
  adminAreaName,
  District,
  districtByCode,
  isKnownAdminCode,
} from './index'

describe('DISTRICTS', () => {
  it('lists the 12 county-level divisions with unique 4101xx codes', () => {
    expect(DISTRICTS).toHaveLength(12)
    expect(new Set(DISTRICTS.map((d) => d.code)).size).toBe(12)
    for (const d of DISTRICTS) {
      expect(d.code.startsWith('4101')).toBe(true)
      expect(District.safeParse(d).success).toBe(true)
    }
  })

  it.each([
    ['410102', '中原区', 'Zhongyuan'],
    ['410104', '管城回族区', 'Guancheng Hui'],
    ['410108', '惠济区', 'Huiji'],
    ['410122', '中牟县', 'Zhongmu'],
    ['410185', '登封市', 'Dengfeng'],
  ])('%s is %s (%s)', (code, name, nameEn) => {
    expect(districtByCode(code)).toEqual({ code, name, nameEn })
  })

  it('has the three functional areas', () => {
    expect(FUNCTIONAL_AREAS.map((f) => f.code)).toEqual(['410171', '410172', '410173'])
    expect(FUNCTIONAL_AREAS.map((f) => f.shortName)).toEqual(['经开区', '高新区', '航空港区'])
  })
})

describe('isKnownAdminCode', () => {
  it.each([
    ['410102', true],
    ['410105', true],
    ['410171', true],
    ['410173', true],
    ['410107', false],
    ['410101', false],
    [CITY_CODE, false],
    ['320508', false],
    ['41010', false],
  ])('%s → %s', (code, known) => {
    expect(isKnownAdminCode(code)).toBe(known)
    expect(KnownAdminCode.safeParse(code).success).toBe(known)
  })

  it('rejects non-strings in the schema', () => {
    expect(KnownAdminCode.safeParse(410102).success).toBe(false)
  })
})

describe('adminAreaName', () => {
  it.each([
    [CITY_CODE, '郑州市'],
    ['410105', '金水区'],
    ['410172', '郑州高新技术产业开发区'],
    ['999999', undefined],
  ])('%s → %s', (code, name) => {
    expect(adminAreaName(code)).toBe(name)
  })
})
