import { vi } from 'vitest'

// Test-only: jsdom has no 2D canvas. These stand-ins record what the briefing draws and give
// toBlob real-shaped bytes (a JPEG's markers, a PNG's header) of the canvas's own size.

/** A JPEG's SOI, a JFIF APP0 segment, a baseline SOF0 frame header, filler and EOI. */
export function jpegHeaderBytes(width: number, height: number, filler: number): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]
  const sof0 = [0xff, 0xc0, 0x00, 0x11, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3]
  const components = [1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]
  return new Uint8Array([
    0xff,
    0xd8,
    ...app0,
    ...sof0,
    ...components,
    ...Array.from({ length: filler }, (_, i) => i % 251),
    0xff,
    0xd9,
  ])
}

/** A PNG signature and IHDR with the size (enough to read width and height back). */
function pngHeaderBytes(width: number, height: number): Uint8Array {
  const u32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]
  return new Uint8Array([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...u32(13),
    0x49,
    0x48,
    0x44,
    0x52,
    ...u32(width),
    ...u32(height),
  ])
}

export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset)
  return { width: view.getUint32(16), height: view.getUint32(20) }
}

export type DrawCall = { op: string; args: unknown[] }

export function recordCanvas() {
  const calls: DrawCall[] = []
  const blobs: { width: number; height: number; type: string; quality?: unknown }[] = []
  const state: Record<string, unknown> = {}
  const context = new Proxy(state, {
    get(target, key) {
      if (typeof key !== 'string') return undefined
      if (key === 'measureText') {
        const px = Number(/(\d+)px/.exec(String(target.font ?? '10px'))?.[1] ?? 10)
        return (s: string) => ({ width: s.length * px * 0.6 })
      }
      if (key in target) return target[key]
      return (...args: unknown[]) => void calls.push({ op: key, args })
    },
    set(target, key, value: unknown) {
      if (typeof key === 'string') target[key] = value
      return true
    },
  })
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(asContext(context))
  vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation(function (
    this: HTMLCanvasElement,
    callback: BlobCallback,
    type = 'image/png',
    quality?: unknown,
  ) {
    blobs.push({ width: this.width, height: this.height, type, quality })
    const bytes =
      type === 'image/jpeg'
        ? jpegHeaderBytes(this.width, this.height, 64)
        : pngHeaderBytes(this.width, this.height)
    callback(new Blob([bytes.slice().buffer], { type }))
  })
  const texts = () => calls.filter((c) => c.op === 'fillText').map((c) => String(c.args[0]))
  return { calls, blobs, texts }
}

// The recorder answers every 2D-context member the briefing uses (and records the rest);
// getContext's overloads cannot be matched by one implementation without this cast.
function asContext(context: object): HTMLCanvasElement['getContext'] {
  return (() => context) as unknown as HTMLCanvasElement['getContext']
}
