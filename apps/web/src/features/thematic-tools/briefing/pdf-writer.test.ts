import { describe, expect, it } from 'vitest'
import { A4_LANDSCAPE, jpegSize, pdfTextString, placeOnPage, writeImagePdf } from './pdf-writer'
import { jpegHeaderBytes } from './test-canvas'

const latin1 = (bytes: Uint8Array) => Array.from(bytes, (b) => String.fromCharCode(b)).join('')

/** Reads the PDF back the way a viewer starts: trailer → startxref → xref table → objects. */
function parse(pdf: Uint8Array) {
  const text = latin1(pdf)
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1])
  const xref = text.slice(startxref)
  const head = /^xref\n0 (\d+)\n/.exec(xref)
  const count = Number(head?.[1])
  const body = xref.slice(head?.[0].length ?? 0)
  const entries = Array.from({ length: count }, (_, i) => body.slice(i * 20, i * 20 + 20))
  const objects = new Map<number, string>()
  entries.slice(1).forEach((entry, i) => {
    const offset = Number(entry.slice(0, 10))
    const end = text.indexOf('endobj', offset)
    objects.set(i + 1, text.slice(offset, end))
  })
  const trailer = body.slice(count * 20)
  return { text, entries, objects, trailer }
}

describe('PDF writer', () => {
  const jpeg = jpegHeaderBytes(1920, 1080, 5000)
  const pdf = writeImagePdf(jpeg, '简报 结案率')
  const { text, entries, objects, trailer } = parse(pdf)

  it('starts with a PDF header and ends with startxref and %%EOF', () => {
    expect(text.startsWith('%PDF-1.4\n%')).toBe(true)
    expect(/%%EOF\n$/.test(text)).toBe(true)
    expect(trailer).toMatch(/\/Size 7 \/Root 1 0 R \/Info 6 0 R/)
  })

  it('has a cross-reference table of 20-byte entries pointing at each object', () => {
    expect(entries[0]).toBe('0000000000 65535 f \n')
    entries.forEach((e) => expect(e).toHaveLength(20))
    for (const [n, source] of objects) expect(source.startsWith(`${n} 0 obj\n`)).toBe(true)
    expect(objects.get(1)).toContain('/Type /Catalog /Pages 2 0 R')
    expect(objects.get(2)).toContain('/Kids [3 0 R] /Count 1')
  })

  it('has one A4 landscape page drawing the image inside the margins', () => {
    const page = objects.get(3) ?? ''
    expect(page).toContain(`/MediaBox [0 0 ${A4_LANDSCAPE.width} ${A4_LANDSCAPE.height}]`)
    expect(A4_LANDSCAPE).toEqual({ width: 842, height: 595 })
    const content = /stream\n(q .* cm \/Im1 Do Q)\n/.exec(objects.get(5) ?? '')?.[1] ?? ''
    const [w, , , h, x, y] = content.slice(2).split(' ').map(Number)
    expect((w ?? 0) / (h ?? 1)).toBeCloseTo(1920 / 1080, 2)
    expect(x).toBeGreaterThan(0)
    expect((x ?? 0) + (w ?? 0)).toBeLessThan(842)
    expect((y ?? 0) + (h ?? 0)).toBeLessThan(595)
    const length = Number(/\/Length (\d+)/.exec(objects.get(5) ?? '')?.[1])
    expect(length).toBe(content.length + 1)
  })

  it('embeds the JPEG unchanged with DCTDecode and its own width and height', () => {
    const image = objects.get(4) ?? ''
    expect(image).toContain('/Subtype /Image /Width 1920 /Height 1080')
    expect(image).toContain('/Filter /DCTDecode')
    expect(Number(/\/Length (\d+)/.exec(image)?.[1])).toBe(jpeg.length)
    const start = text.indexOf('stream\n', text.indexOf('4 0 obj')) + 'stream\n'.length
    expect(pdf.slice(start, start + jpeg.length)).toEqual(jpeg)
    expect(text.slice(start + jpeg.length, start + jpeg.length + 10)).toBe('\nendstream')
  })

  it('writes the title as UTF-16 so Chinese survives', () => {
    expect(objects.get(6)).toContain(`/Title ${pdfTextString('简报 结案率')}`)
    expect(pdfTextString('简A')).toBe('<FEFF7B800041>')
  })

  it('reads the size from the JPEG frame header, after other segments', () => {
    expect(jpegSize(jpegHeaderBytes(640, 480, 0))).toEqual({
      width: 640,
      height: 480,
      components: 3,
    })
    expect(() => jpegSize(new Uint8Array([0x89, 0x50]))).toThrow(/not a JPEG/)
    expect(placeOnPage({ width: 1000, height: 1000 }).height).toBe(595 - 56)
  })
})
