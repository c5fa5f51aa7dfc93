import { expect } from 'vitest'
import { DomainError } from '../errors'
import type { DomainErrorCode } from '../errors'

// Test-only helper (not exported from the package root).
export function expectDomainError(fn: () => unknown, code: DomainErrorCode): DomainError {
  let caught: unknown
  try {
    fn()
  } catch (error) {
    caught = error
  }
  if (!(caught instanceof DomainError)) {
    throw new Error(`Expected a DomainError(${code}), got ${String(caught)}`)
  }
  expect(caught.code).toBe(code)
  return caught
}
