// A one-page PDF holding one JPEG image, written by hand (ISO 32000-1): the briefing needs no
// more, and a PDF library would add hundreds of kilobytes to the bundle. The JPEG goes in
// unchanged with /DCTDecode (§7.4.8), so the PDF is the JPEG plus a few hundred bytes.

/** A4 landscape in points (297 × 210 mm at 72 pt per inch). */
export const A4_LANDSCAPE = { width: 842, height: 595 } as const

/** White border around the image on the page, in points (about 10 mm: printers clip edges). */
export const PAGE_MARGIN = 28

export type JpegSize = { width: number; height: number; components?: number }

/** Width and height from the JPEG's start-of-frame segment (baseline, extended or progressive). */
export function jpegSize(jpeg: Uint8Array): JpegSize {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG (no SOI marker)')
  let at = 2
  while (at + 9 < jpeg.length) {
    if (jpeg[at] !== 0xff) throw new Error(`JPEG marker expected at byte ${at}`)
    const marker = jpeg[at + 1] ?? 0
    const length = ((jpeg[at + 2] ?? 0) << 8) | (jpeg[at + 3] ?? 0)
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      const height = ((jpeg[at + 5] ?? 0) << 8) | (jpeg[at + 6] ?? 0)
      const width = ((jpeg[at + 7] ?? 0) << 8) | (jpeg[at + 8] ?? 0)
      return { width, height, components: jpeg[at + 9] ?? 3 }
    }
    at += 2 + length
  }
  throw new Error('JPEG has no start-of-frame segment')
}

/** The image fitted into the page inside the margin, aspect kept, centred (PDF y grows upwards). */
export function placeOnPage(image: JpegSize) {
  const boxW = A4_LANDSCAPE.width - 2 * PAGE_MARGIN
  const boxH = A4_LANDSCAPE.height - 2 * PAGE_MARGIN
  const scale = Math.min(boxW / image.width, boxH / image.height)
  const width = round2(image.width * scale)
  const height = round2(image.height * scale)
  const x = round2((A4_LANDSCAPE.width - width) / 2)
  const y = round2((A4_LANDSCAPE.height - height) / 2)
  return { x, y, width, height }
}

const round2 = (n: number) => Math.round(n * 100) / 100

/** A PDF text string in UTF-16BE with BOM (§7.9.2.2), so Chinese titles survive. */
export function pdfTextString(text: string): string {
  let hex = 'FEFF'
  for (let i = 0; i < text.length; i += 1) {
    hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase()
  }
  return `<${hex}>`
}

const ascii = (s: string) => new TextEncoder().encode(s)

/** One A4 landscape page showing `jpeg`; `title` goes into the document information. */
export function writeImagePdf(jpeg: Uint8Array, title: string): Uint8Array<ArrayBuffer> {
  const size = jpegSize(jpeg)
  const place = placeOnPage(size)
  const content = `q ${place.width} 0 0 ${place.height} ${place.x} ${place.y} cm /Im1 Do Q\n`
  const { width: W, height: H } = A4_LANDSCAPE
  const objects: (string | Uint8Array)[][] = [
    ['<< /Type /Catalog /Pages 2 0 R >>'],
    ['<< /Type /Pages /Kids [3 0 R] /Count 1 >>'],
    [
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${W} ${H}] ` +
        '/Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>',
    ],
    [
      `<< /Type /XObject /Subtype /Image /Width ${size.width} /Height ${size.height} ` +
        `/ColorSpace /${size.components === 1 ? 'DeviceGray' : 'DeviceRGB'} /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`,
      jpeg,
      '\nendstream',
    ],
    [`<< /Length ${ascii(content).length} >>\nstream\n${content}endstream`],
    [`<< /Title ${pdfTextString(title)} /Producer (cityops) >>`],
  ]

  const chunks: Uint8Array[] = []
  let offset = 0
  const push = (part: string | Uint8Array) => {
    const bytes = typeof part === 'string' ? ascii(part) : part
    chunks.push(bytes)
    offset += bytes.length
  }
  // The second line's bytes above 127 tell transfer tools the file is binary (§7.5.2).
  push('%PDF-1.4\n')
  push(new Uint8Array([0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a]))
  const offsets: number[] = []
  objects.forEach((parts, i) => {
    offsets.push(offset)
    push(`${i + 1} 0 obj\n`)
    parts.forEach(push)
    push('\nendobj\n')
  })
  const xrefAt = offset
  // Each cross-reference entry is exactly 20 bytes, ending in space + LF (§7.5.4).
  const entries = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')
  push(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}`)
  push(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\n`)
  push(`startxref\n${xrefAt}\n%%EOF\n`)

  const out = new Uint8Array(offset)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}
