import { describe, it, expect } from 'vitest'
import { expectDomainError } from '../testing/expect-domain-error'
import { congestionLevel } from './index'

// GB/T 33171 table (DOMAIN.md §2.6): lower bound exclusive, upper inclusive.
describe('congestionLevel', () => {
  it.each([
    ['expressway', 120, 1],
    ['expressway', 65.01, 1],
    ['expressway', 65, 2],
    ['expressway', 50.01, 2],
    ['expressway', 50, 3],
    ['expressway', 35, 4],
    ['expressway', 20.01, 4],
    ['expressway', 20, 5],
    ['expressway', 0, 5],
    ['arterial', 40.1, 1],
    ['arterial', 40, 2],
    ['arterial', 30, 3],
    ['arterial', 20, 4],
    ['arterial', 15.5, 4],
    ['arterial', 15, 5],
    ['secondary', 35.1, 1],
    ['secondary', 35, 2],
    ['secondary', 25, 3],
    ['secondary', 15, 4],
    ['secondary', 10, 5],
    ['branch', 36, 1],
    ['branch', 25, 3],
    ['branch', 10.5, 4],
    ['branch', 3, 5],
  ] as const)('%s at %d km/h → level %d', (roadClass, speed, level) => {
    expect(congestionLevel(speed, roadClass)).toBe(level)
  })

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects speed %d', (speed) => {
    expectDomainError(() => congestionLevel(speed, 'arterial'), 'VALIDATION')
  })
})
