import { describe, expect, it } from 'vitest'
import { EvidenceUploadFields } from './evidence'

describe('EvidenceUploadFields', () => {
  it('reads form strings as numbers and normalises the datum name', () => {
    expect(EvidenceUploadFields.parse({ lng: '113.62', lat: '34.74', crs: 'GCJ-02' })).toEqual({
      lng: 113.62,
      lat: 34.74,
      crs: 'GCJ02',
    })
    expect(EvidenceUploadFields.parse({ crs: 'BD-09' }).crs).toBe('BD09')
    expect(EvidenceUploadFields.parse({}).crs).toBe('WGS84')
  })

  it('treats blank fields as absent', () => {
    expect(EvidenceUploadFields.parse({ capturedAt: '', lng: ' ', lat: '' })).toEqual({
      crs: 'WGS84',
    })
  })

  it.each([
    [{ lng: '113.6' }, 'lng'],
    [{ lng: '200', lat: '34' }, 'lng'],
    [{ lng: 'east', lat: '34' }, 'lng'],
    [{ capturedAt: 'yesterday' }, 'capturedAt'],
    [{ capturedAt: '2026-11-20T09:30:00' }, 'capturedAt'], // no offset: ambiguous
    [{ crs: 'Mars-1' }, 'crs'],
  ])('refuses %j', (input, field) => {
    const parsed = EvidenceUploadFields.safeParse(input)
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]?.path[0]).toBe(field)
  })
})
