import { describe, it, expect } from 'vitest'
import { z } from 'zod'
import { DomainError, isDomainError, parseOrThrow } from './errors'

describe('DomainError', () => {
  it('carries a code, message and details', () => {
    const error = new DomainError('CONFLICT', 'version mismatch', { expected: 3 })
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('DomainError')
    expect(error.code).toBe('CONFLICT')
    expect(error.message).toBe('version mismatch')
    expect(error.details).toEqual({ expected: 3 })
    expect(isDomainError(error)).toBe(true)
    expect(isDomainError(new Error('x'))).toBe(false)
  })
})

describe('parseOrThrow', () => {
  const schema = z.object({ n: z.number().min(0) })

  it('returns parsed data', () => {
    expect(parseOrThrow(schema, { n: 1 }, 'thing')).toEqual({ n: 1 })
  })

  it('throws VALIDATION with the failing path', () => {
    let caught: unknown
    try {
      parseOrThrow(schema, { n: -1 }, 'thing')
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(DomainError)
    expect(caught).toMatchObject({ code: 'VALIDATION' })
    expect(String(caught)).toContain('Invalid thing at n')
  })
})
