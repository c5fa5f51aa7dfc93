import { describe, it, expect } from 'vitest'
import {
  AuditEntry,
  GENESIS_HASH,
  auditHashPayload,
  canonicalJson,
  findBrokenAuditLink,
} from './index'

const h = (c: string): string => c.repeat(64)

const entry = {
  id: 'a1',
  at: '2026-03-02T09:00:00+08:00',
  actorId: 'u1',
  role: 'dispatcher',
  address: '10.0.0.7',
  action: 'case.dispatch',
  objectType: 'case',
  objectId: 'case-1',
  outcome: 'success',
  before: { status: 'FILED' },
  after: { status: 'DISPATCHED' },
  hash: h('a'),
  prevHash: GENESIS_HASH,
}

describe('AuditEntry', () => {
  it('accepts a valid entry and a system entry with nulls', () => {
    expect(AuditEntry.safeParse(entry).success).toBe(true)
    const system = { ...entry, actorId: null, role: null, address: null, before: null }
    expect(AuditEntry.safeParse(system).success).toBe(true)
  })

  it.each([
    ['uppercase hash', { hash: h('A') }],
    ['short prevHash', { prevHash: 'abc' }],
    ['unknown outcome', { outcome: 'ok' }],
    ['unknown role', { role: 'root' }],
    ['empty action', { action: '' }],
  ])('rejects %s', (_label, patch) => {
    expect(AuditEntry.safeParse({ ...entry, ...patch }).success).toBe(false)
  })
})

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: [3, { d: 1, c: 2 }] }, '{"a":[3,{"c":2,"d":1}],"b":1}'],
    [{ a: undefined, b: null }, '{"b":null}'],
    ['x', '"x"'],
    [undefined, 'null'],
    [new Date('2026-03-02T01:00:00Z'), '"2026-03-02T01:00:00.000Z"'],
  ])('%j → %s', (value, json) => {
    expect(canonicalJson(value)).toBe(json)
  })

  it('does not depend on key order', () => {
    expect(canonicalJson({ x: 1, y: { p: 1, q: 2 } })).toBe(
      canonicalJson({ y: { q: 2, p: 1 }, x: 1 }),
    )
  })
})

describe('auditHashPayload', () => {
  it('covers every field except hash', () => {
    const { hash: _hash, ...rest } = entry
    const payload = JSON.parse(auditHashPayload(AuditEntry.parse(entry))) as Record<string, unknown>
    expect(Object.keys(payload).sort()).toEqual(Object.keys(rest).sort())
  })

  it('changes when any covered field changes', () => {
    const parsed = AuditEntry.parse(entry)
    const payload = auditHashPayload(parsed)
    expect(auditHashPayload({ ...parsed, outcome: 'denied' })).not.toBe(payload)
    expect(auditHashPayload({ ...parsed, after: { status: 'CLOSED' } })).not.toBe(payload)
    expect(auditHashPayload({ ...parsed, prevHash: h('b') })).not.toBe(payload)
  })
})

describe('findBrokenAuditLink', () => {
  const l1 = { hash: h('1'), prevHash: GENESIS_HASH }
  const l2 = { hash: h('2'), prevHash: h('1') }
  const l3 = { hash: h('3'), prevHash: h('2') }

  it.each([
    ['intact chain', [l1, l2, l3], -1],
    ['empty chain', [], -1],
    ['tampered middle link', [l1, { hash: h('2'), prevHash: h('9') }, l3], 1],
    ['chain not starting at genesis', [l2, l3], 0],
  ])('%s → %d', (_label, entries, index) => {
    expect(findBrokenAuditLink(entries)).toBe(index)
  })

  it('verifies a slice from a known predecessor', () => {
    expect(findBrokenAuditLink([l2, l3], h('1'))).toBe(-1)
  })
})
