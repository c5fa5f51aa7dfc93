import type { LngLat } from '../geo'

/** What a photo says about itself: when it was taken and where (WGS84), when it says so. */
export interface PhotoMetadata {
  /** ISO 8601 with offset, e.g. `2026-11-20T09:30:15+08:00`. */
  capturedAt: string | null
  location: LngLat | null
}

const NOTHING: PhotoMetadata = { capturedAt: null, location: null }

// Tags from the Exif 2.32 standard (CIPA DC-008), §4.6.
const TAG = {
  exifIfd: 0x8769,
  gpsIfd: 0x8825,
  dateTimeOriginal: 0x9003,
  offsetTimeOriginal: 0x9011,
  gpsLatitudeRef: 0x0001,
  gpsLatitude: 0x0002,
  gpsLongitudeRef: 0x0003,
  gpsLongitude: 0x0004,
} as const
const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8 }
const MAX_IFD_ENTRIES = 512 // a real IFD has a few dozen; more means a corrupt or hostile file

// [U] DateTimeOriginal carries no zone; without OffsetTimeOriginal we assume the camera clock
// was on Beijing time (UTC+8), as phones in Zhengzhou are.
const DEFAULT_OFFSET = '+08:00'

/**
 * Reads DateTimeOriginal and the GPS position from a JPEG's EXIF block (APP1). Anything
 * missing, malformed or out of range yields null for that field: a photo with broken
 * metadata is still a photo. EXIF GPS is taken as WGS84 [U: the standard's GPSMapDatum is
 * almost never filled in; phone cameras write WGS84].
 */
export function readPhotoMetadata(bytes: Uint8Array): PhotoMetadata {
  const tiff = findExifTiff(bytes)
  if (!tiff) return NOTHING
  try {
    return readTiff(tiff)
  } catch {
    return NOTHING // a pointer past the end of the block: treat as no metadata
  }
}

/** The TIFF structure inside the first `Exif\0\0` APP1 segment, or null. */
function findExifTiff(bytes: Uint8Array): DataView | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null
  let at = 2
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null
    const marker = bytes[at + 1] ?? 0
    if (marker === 0xff) {
      at += 1 // fill byte
      continue
    }
    if (marker === 0xda || marker === 0xd9) return null // start of scan / end: no EXIF before it
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0)
    if (length < 2) return null
    const start = at + 4
    if (marker === 0xe1 && isExifHeader(bytes, start)) {
      const end = Math.min(at + 2 + length, bytes.length)
      return new DataView(bytes.buffer, bytes.byteOffset + start + 6, Math.max(0, end - start - 6))
    }
    at += 2 + length
  }
  return null
}

const EXIF_HEADER = [0x45, 0x78, 0x69, 0x66, 0, 0] // "Exif\0\0"
const isExifHeader = (bytes: Uint8Array, at: number) =>
  EXIF_HEADER.every((b, i) => bytes[at + i] === b)

interface Entry {
  type: number
  count: number
  /** Offset of the value inside the TIFF block (inline values point into the entry). */
  valueAt: number
}

function readTiff(view: DataView): PhotoMetadata {
  const order = view.getUint16(0)
  if (order !== 0x4949 && order !== 0x4d4d) return NOTHING
  const little = order === 0x4949
  if (view.getUint16(2, little) !== 42) return NOTHING
  const ifd0 = readIfd(view, view.getUint32(4, little), little)
  const exifAt = ifd0.get(TAG.exifIfd)
  const gpsAt = ifd0.get(TAG.gpsIfd)
  const exif = exifAt ? readIfd(view, view.getUint32(exifAt.valueAt, little), little) : null
  const gps = gpsAt ? readIfd(view, view.getUint32(gpsAt.valueAt, little), little) : null
  return {
    capturedAt: exif ? capturedAt(view, exif) : null,
    location: gps ? gpsLocation(view, gps, little) : null,
  }
}

function readIfd(view: DataView, offset: number, little: boolean): Map<number, Entry> {
  const entries = new Map<number, Entry>()
  const count = view.getUint16(offset, little)
  if (count > MAX_IFD_ENTRIES) return entries
  for (let i = 0; i < count; i++) {
    const at = offset + 2 + i * 12
    const type = view.getUint16(at + 2, little)
    const n = view.getUint32(at + 4, little)
    const size = (TYPE_SIZE[type] ?? 0) * n
    if (size === 0) continue
    const valueAt = size <= 4 ? at + 8 : view.getUint32(at + 8, little)
    if (valueAt + size > view.byteLength) continue
    entries.set(view.getUint16(at, little), { type, count: n, valueAt })
  }
  return entries
}

function ascii(view: DataView, entry: Entry | undefined): string | null {
  if (!entry || entry.type !== 2) return null
  let text = ''
  for (let i = 0; i < entry.count; i++) {
    const code = view.getUint8(entry.valueAt + i)
    if (code === 0) break
    text += String.fromCharCode(code)
  }
  return text
}

const EXIF_DATE = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/
const OFFSET = /^[+-]\d{2}:\d{2}$/

function capturedAt(view: DataView, exif: Map<number, Entry>): string | null {
  const match = EXIF_DATE.exec(ascii(view, exif.get(TAG.dateTimeOriginal))?.trim() ?? '')
  if (!match) return null
  const [, y, mo, d, h, mi, s] = match
  const offset = ascii(view, exif.get(TAG.offsetTimeOriginal))?.trim() ?? ''
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}${OFFSET.test(offset) ? offset : DEFAULT_OFFSET}`
  // reject impossible dates (2026:02:30) and the all-zero "unknown" that cameras write
  const parsed = new Date(iso)
  if (Number.isNaN(parsed.getTime()) || Number(y) < 1990) return null
  const roundTrip = new Date(`${y}-${mo}-${d}T00:00:00Z`)
  if (roundTrip.getUTCDate() !== Number(d)) return null
  return iso
}

function degrees(view: DataView, entry: Entry | undefined, little: boolean): number | null {
  if (!entry || entry.type !== 5 || entry.count !== 3) return null
  let value = 0
  for (let i = 0; i < 3; i++) {
    const num = view.getUint32(entry.valueAt + i * 8, little)
    const den = view.getUint32(entry.valueAt + i * 8 + 4, little)
    if (den === 0) return null
    value += num / den / 60 ** i // degrees, minutes, seconds
  }
  return value
}

function gpsLocation(view: DataView, gps: Map<number, Entry>, little: boolean): LngLat | null {
  const lat = degrees(view, gps.get(TAG.gpsLatitude), little)
  const lng = degrees(view, gps.get(TAG.gpsLongitude), little)
  const latRef = ascii(view, gps.get(TAG.gpsLatitudeRef))
  const lngRef = ascii(view, gps.get(TAG.gpsLongitudeRef))
  if (lat === null || lng === null || !latRef || !lngRef) return null
  if ((latRef !== 'N' && latRef !== 'S') || (lngRef !== 'E' && lngRef !== 'W')) return null
  if (lat > 90 || lng > 180 || (lat === 0 && lng === 0)) return null // 0,0 = no fix
  return [lngRef === 'W' ? -lng : lng, latRef === 'S' ? -lat : lat]
}
