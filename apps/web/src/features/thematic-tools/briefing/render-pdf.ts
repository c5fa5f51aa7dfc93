import { writeImagePdf } from './pdf-writer'
import { canvasBlob, drawBriefing } from './render-png'
import type { BriefingSnapshot } from './types'

/** Print quality without the PNG's size: a 1920 × 1080 map JPEG at 0.92 is a few hundred KB. */
const JPEG_QUALITY = 0.92

/** The briefing as a one-page A4 landscape PDF (the same image, embedded as a JPEG). */
export async function renderBriefingPdf(s: BriefingSnapshot): Promise<Blob> {
  const canvas = await drawBriefing(s)
  const jpeg = await canvasBlob(canvas, 'image/jpeg', JPEG_QUALITY)
  const bytes = await readBytes(jpeg)
  const pdf = writeImagePdf(bytes, `${s.title} ${s.period}`)
  return new Blob([pdf], { type: 'application/pdf' })
}

/** The blob's bytes; FileReader because not every engine this runs in has Blob.arrayBuffer. */
export function readBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () =>
      reader.result instanceof ArrayBuffer
        ? resolve(new Uint8Array(reader.result))
        : reject(new Error('FileReader gave no bytes'))
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'))
    reader.readAsArrayBuffer(blob)
  })
}
