import { describe, expect, it } from 'vitest'
import { sniffImageType } from './image-type'

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(
    parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)),
  )

describe('sniffImageType', () => {
  it.each([
    ['a JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF'), 'image/jpeg'],
    ['a PNG', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR'), 'image/png'],
    ['a lossy WebP', bytes('RIFF', [36, 0, 0, 0], 'WEBPVP8 ', [0, 0, 0, 0]), 'image/webp'],
    ['a lossless WebP', bytes('RIFF', [36, 0, 0, 0], 'WEBPVP8L', [0, 0, 0, 0]), 'image/webp'],
  ] as const)('recognises %s', (_, input, expected) => {
    expect(sniffImageType(input)).toBe(expected)
  })

  it.each([
    ['text', bytes('hello, this is not a photo')],
    ['a GIF', bytes('GIF89a', [1, 0, 1, 0])],
    ['a WAV (RIFF but not WebP)', bytes('RIFF', [36, 0, 0, 0], 'WAVEfmt ')],
    ['a truncated JPEG marker', bytes([0xff, 0xd8])],
    ['nothing', bytes()],
    ['a PDF', bytes('%PDF-1.7')],
  ])('refuses %s', (_, input) => {
    expect(sniffImageType(input)).toBeNull()
  })
})
