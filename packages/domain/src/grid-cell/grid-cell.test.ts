import { describe, it, expect } from 'vitest'
import { DomainError } from '../errors'
import { expectDomainError } from '../testing/expect-domain-error'
import { GridCell, GridCode, gridCodeSchema, parseGridCode } from './index'

describe('parseGridCode', () => {
  it('splits a 14-digit code (6 + 3 + 3 + 2)', () => {
    expect(parseGridCode('41010500200301', { length: 14 })).toEqual({
      code: '41010500200301',
      length: 14,
      admin: '410105',
      street: '002',
      community: '003',
      sequence: '01',
      isCommunityGrid: false,
    })
  })

  it('splits a 15-digit code (6 + 3 + 3 + 3)', () => {
    expect(parseGridCode('410173400012007', { length: 15 })).toMatchObject({
      admin: '410173',
      street: '400',
      community: '012',
      sequence: '007',
    })
  })

  it.each([
    ['41010500200300', 14, true],
    ['41010500200310', 14, false],
    ['410105002003000', 15, true],
  ] as const)('%s (length %d) is a community grid: %s', (code, length, expected) => {
    expect(parseGridCode(code, { length }).isCommunityGrid).toBe(expected)
  })

  it.each([
    ['15 digits when 14 configured', '410105002003001', 14],
    ['14 digits when 15 configured', '41010500200301', 15],
    ['unknown admin prefix', '41010700200301', 14],
    ['city code prefix', '41010000200301', 14],
    ['letters', '4101050020030A', 14],
  ] as const)('rejects %s', (_label, code, length) => {
    expect(() => parseGridCode(code, { length })).toThrow(DomainError)
  })

  it('throws a VALIDATION DomainError', () => {
    expectDomainError(() => parseGridCode('123', { length: 14 }), 'VALIDATION')
  })
})

describe('grid code schemas', () => {
  it('gridCodeSchema enforces its length', () => {
    expect(gridCodeSchema(14).safeParse('41010500200301').success).toBe(true)
    expect(gridCodeSchema(14).safeParse('410105002003001').success).toBe(false)
  })

  it('GridCode accepts either length', () => {
    expect(GridCode.safeParse('41010500200301').success).toBe(true)
    expect(GridCode.safeParse('410105002003001').success).toBe(true)
    expect(GridCode.safeParse('4101050020030011').success).toBe(false)
  })
})

describe('GridCell', () => {
  const cell = {
    code: '41010500200301',
    name: '金水区某网格',
    districtCode: '410105',
    boundary: null,
  }

  it('accepts a cell inside its district', () => {
    expect(GridCell.safeParse(cell).success).toBe(true)
  })

  it('rejects a district that does not match the code prefix', () => {
    expect(GridCell.safeParse({ ...cell, districtCode: '410102' }).success).toBe(false)
  })
})
