import { describe, expect, it } from 'vitest'
import { readPhotoMetadata } from './exif'
import { sniffImageType } from './image-type'
import { testJpeg } from './test-support'

const ZZ = { lat: 34.7466, lng: 113.6253 } // 郑州 二七广场

describe('readPhotoMetadata', () => {
  it.each([false, true])('reads capture time and GPS (big-endian: %s)', (bigEndian) => {
    const jpeg = testJpeg({
      exif: { dateTimeOriginal: '2026:11:20 09:30:15', gps: ZZ, bigEndian },
    })
    expect(sniffImageType(jpeg)).toBe('image/jpeg')
    const meta = readPhotoMetadata(jpeg)
    expect(meta.capturedAt).toBe('2026-11-20T09:30:15+08:00')
    expect(meta.location?.[0]).toBeCloseTo(ZZ.lng, 5)
    expect(meta.location?.[1]).toBeCloseTo(ZZ.lat, 5)
  })

  it('uses OffsetTimeOriginal when the camera wrote one', () => {
    const jpeg = testJpeg({
      exif: { dateTimeOriginal: '2026:11:20 01:30:15', offsetTimeOriginal: '+00:00' },
    })
    expect(readPhotoMetadata(jpeg)).toEqual({
      capturedAt: '2026-11-20T01:30:15+00:00',
      location: null,
    })
  })

  it('signs southern and western positions', () => {
    const meta = readPhotoMetadata(testJpeg({ exif: { gps: { lat: -33.8688, lng: -70.6693 } } }))
    expect(meta.location?.[0]).toBeCloseTo(-70.6693, 5)
    expect(meta.location?.[1]).toBeCloseTo(-33.8688, 5)
    expect(meta.capturedAt).toBeNull()
  })

  it.each([
    ['no EXIF at all', testJpeg({ comment: 'plain' })],
    ['the all-zero unknown date', testJpeg({ exif: { dateTimeOriginal: '0000:00:00 00:00:00' } })],
    ['an impossible date', testJpeg({ exif: { dateTimeOriginal: '2026:02:30 10:00:00' } })],
    ['a 0,0 position (no GPS fix)', testJpeg({ exif: { gps: { lat: 0, lng: 0 } } })],
    ['a PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
  ])('returns nothing for %s', (_, bytes) => {
    expect(readPhotoMetadata(bytes)).toEqual({ capturedAt: null, location: null })
  })

  it('survives a truncated EXIF block without throwing', () => {
    const whole = testJpeg({ exif: { dateTimeOriginal: '2026:11:20 09:30:15', gps: ZZ } })
    for (let cut = 4; cut < 120; cut += 7) {
      expect(() => readPhotoMetadata(whole.slice(0, cut))).not.toThrow()
    }
  })

  it('survives pointers that lead past the end of the block', () => {
    const jpeg = testJpeg({ exif: { gps: ZZ } })
    // corrupt IFD0's GPS pointer (little-endian TIFF starts 12 bytes in: SOI + APP1 header)
    const tiffAt = 2 + 4 + 6
    const view = new DataView(jpeg.buffer)
    view.setUint32(tiffAt + 8 + 2 + 12 + 8, 0xfffffff0, true)
    expect(readPhotoMetadata(jpeg)).toEqual({ capturedAt: null, location: null })
  })
})
