import { describe, it, expect } from 'vitest'
import { Township, TownshipCode } from './index'

// Rows taken from /work/shared/data/zhengzhou_townships_nbs2023.csv (NBS 2023).
describe('Township', () => {
  it.each([
    { code: '410102001', name: '林山寨街道', districtCode: '410102' },
    { code: '410106005', name: '矿山街道', districtCode: '410106' },
    { code: '410172560', name: '枫杨街道', districtCode: '410172' },
    { code: '410173400', name: '新港街道', districtCode: '410173' },
  ])('accepts $name ($code)', (row) => {
    expect(Township.parse(row)).toEqual(row)
  })

  it.each([
    ['wrong district', { code: '410102001', name: 'x', districtCode: '410103' }],
    ['unknown prefix', { code: '410107001', name: 'x', districtCode: '410102' }],
    ['8 digits', { code: '41010200', name: 'x', districtCode: '410102' }],
    ['city code as district', { code: '410100001', name: 'x', districtCode: '410100' }],
    ['empty name', { code: '410102001', name: '', districtCode: '410102' }],
  ])('rejects %s', (_label, row) => {
    expect(Township.safeParse(row).success).toBe(false)
  })

  it('TownshipCode checks the admin prefix', () => {
    expect(TownshipCode.safeParse('410181100').success).toBe(true)
    expect(TownshipCode.safeParse('320508001').success).toBe(false)
  })
})
