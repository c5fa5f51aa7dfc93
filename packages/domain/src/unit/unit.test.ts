import { describe, it, expect } from 'vitest'
import { UNIT_STATUSES, Unit, isUnitAssignable } from './index'

const unit = {
  id: 'unit-7',
  callSign: '金水消防3号',
  type: 'fire',
  departmentCode: 'xfzd',
  position: { type: 'Point', coordinates: [113.66, 34.79] },
  status: 'available',
}

describe('Unit', () => {
  it('accepts a valid unit', () => {
    expect(Unit.parse(unit)).toEqual(unit)
  })

  it.each([
    ['unknown type', { type: 'helicopter' }],
    ['unknown status', { status: 'busy' }],
    ['empty call sign', { callSign: '' }],
    ['bad department', { departmentCode: 'X' }],
    ['bad position', { position: { type: 'Point', coordinates: [113.66] } }],
  ])('rejects %s', (_label, patch) => {
    expect(Unit.safeParse({ ...unit, ...patch }).success).toBe(false)
  })

  it('only an available unit is assignable', () => {
    expect(UNIT_STATUSES.filter((status) => isUnitAssignable({ status }))).toEqual(['available'])
  })
})
