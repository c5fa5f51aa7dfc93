// Builds real, decodable photos for tests: an 8×8 grey baseline JPEG (ITU-T T.81) with an
// optional EXIF block (CIPA DC-008) and comment. Test-only; not exported from the package.

export interface TestPhotoExif {
  /** EXIF DateTimeOriginal, `YYYY:MM:DD HH:MM:SS`. */
  dateTimeOriginal?: string
  offsetTimeOriginal?: string
  /** Decimal degrees; the sign picks the N/S and E/W reference. */
  gps?: { lat: number; lng: number }
  bigEndian?: boolean
}

const u16 = (n: number) => [(n >> 8) & 0xff, n & 0xff]
const text = (s: string) => [...s].map((c) => c.charCodeAt(0))
const segment = (marker: number, body: number[]) => [0xff, marker, ...u16(body.length + 2), ...body]

/** An 8×8 grey JPEG: one DC coefficient of 0, end of block; `comment` varies the bytes. */
export function testJpeg(options: { exif?: TestPhotoExif; comment?: string } = {}): Uint8Array {
  const parts = [
    [0xff, 0xd8],
    options.exif ? segment(0xe1, [...text('Exif\0\0'), ...tiff(options.exif)]) : [],
    options.comment === undefined ? [] : segment(0xfe, text(options.comment)),
    segment(0xdb, [0x00, ...Array<number>(64).fill(1)]), // quantisation table 0, all ones
    segment(0xc0, [8, ...u16(8), ...u16(8), 1, 1, 0x11, 0]), // 8×8, one component
    segment(0xc4, [0x00, 1, ...Array<number>(15).fill(0), 0x00]), // DC table: "0" → category 0
    segment(0xc4, [0x10, 1, ...Array<number>(15).fill(0), 0x00]), // AC table: "0" → EOB
    segment(0xda, [1, 1, 0x00, 0, 63, 0]),
    [0x3f], // DC "0", EOB "0", padded with ones
    [0xff, 0xd9],
  ]
  return new Uint8Array(parts.flat())
}

interface Field {
  tag: number
  type: 2 | 4 | 5
  values: number[] // ASCII: char codes incl. NUL; LONG: numbers; RATIONAL: num, den pairs
}

const ASCII = (tag: number, s: string): Field => ({ tag, type: 2, values: [...text(s), 0] })
const SIZE = { 2: 1, 4: 4, 5: 4 } as const
const count = (f: Field) => (f.type === 5 ? f.values.length / 2 : f.values.length)

function rationalDegrees(value: number): number[] {
  const abs = Math.abs(value)
  const d = Math.floor(abs)
  const m = Math.floor((abs - d) * 60)
  const s = Math.round(((abs - d) * 60 - m) * 60 * 10000)
  return [d, 1, m, 1, s, 10000]
}

/** The TIFF structure of an EXIF block: IFD0 → Exif IFD and GPS IFD. */
function tiff(exif: TestPhotoExif): number[] {
  const be = exif.bigEndian ?? false
  const exifFields: Field[] = []
  if (exif.dateTimeOriginal) exifFields.push(ASCII(0x9003, exif.dateTimeOriginal))
  if (exif.offsetTimeOriginal) exifFields.push(ASCII(0x9011, exif.offsetTimeOriginal))
  const gpsFields: Field[] = exif.gps
    ? [
        ASCII(0x0001, exif.gps.lat < 0 ? 'S' : 'N'),
        { tag: 0x0002, type: 5, values: rationalDegrees(exif.gps.lat) },
        ASCII(0x0003, exif.gps.lng < 0 ? 'W' : 'E'),
        { tag: 0x0004, type: 5, values: rationalDegrees(exif.gps.lng) },
      ]
    : []
  const ifdSize = (fields: Field[]) => 2 + fields.length * 12 + 4
  const dataSize = (fields: Field[]) =>
    fields.reduce(
      (n, f) => n + (f.values.length * SIZE[f.type] > 4 ? f.values.length * SIZE[f.type] : 0),
      0,
    )
  const ifd0Fields = 2 // pointers to the Exif IFD and the GPS IFD
  const ifd0At = 8
  const exifAt = ifd0At + 2 + ifd0Fields * 12 + 4
  const gpsAt = exifAt + ifdSize(exifFields) + dataSize(exifFields)
  const ifd0: Field[] = [
    { tag: 0x8769, type: 4, values: [exifAt] },
    { tag: 0x8825, type: 4, values: [gpsAt] },
  ]
  const out: number[] = [...text(be ? 'MM' : 'II'), ...num(42, 2, be), ...num(ifd0At, 4, be)]
  writeIfd(out, ifd0, be)
  writeIfd(out, exifFields, be)
  writeIfd(out, gpsFields, be)
  return out
}

function num(n: number, bytes: 1 | 2 | 4, be: boolean): number[] {
  const out = Array.from({ length: bytes }, (_, i) => (n >>> (8 * i)) & 0xff)
  return be ? out.reverse() : out
}

function writeIfd(out: number[], fields: Field[], be: boolean) {
  const start = out.length
  let dataAt = start + 2 + fields.length * 12 + 4
  const data: number[] = []
  out.push(...num(fields.length, 2, be))
  for (const f of fields) {
    const bytes = f.values.flatMap((v) => num(v, SIZE[f.type], be))
    out.push(...num(f.tag, 2, be), ...num(f.type, 2, be), ...num(count(f), 4, be))
    if (bytes.length <= 4) {
      out.push(...bytes, ...Array<number>(4 - bytes.length).fill(0))
    } else {
      out.push(...num(dataAt, 4, be))
      data.push(...bytes)
      dataAt += bytes.length
    }
  }
  out.push(0, 0, 0, 0, ...data) // no next IFD
}
