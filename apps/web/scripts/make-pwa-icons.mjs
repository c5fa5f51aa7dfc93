// Draws the installable app's icons (public/pwa/*.png) from the favicon's design — a map pin
// on the wall's navy — with no image library: a tiny rasteriser with 4×4 supersampling and
// Node's zlib for PNG. Run: node apps/web/scripts/make-pwa-icons.mjs (outputs are committed).
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { deflateSync } from 'node:zlib'

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../public/pwa')
const NAVY = [0x0e, 0x17, 0x29]
const BLUE = [0x4d, 0xa3, 0xff]

// The pin in the favicon's 32-unit box: a circle (centre 16,13.5, r 8.5) drawn down to a
// point at (16,27), with a hole of r 3.5.
function pinCoverage(x, y) {
  const dx = x - 16
  const dy = y - 13.5
  const d = Math.hypot(dx, dy)
  if (d <= 3.5) return false
  if (d <= 8.5) return true
  // The rest is the triangle between the tip and the two points where lines from the tip
  // touch the circle: those lie r²/D below the centre (D = centre-to-tip distance).
  const tipDist = 27 - 13.5
  if (y < 13.5 + (8.5 * 8.5) / tipDist || y > 27) return false
  const half = Math.asin(8.5 / tipDist)
  return Math.atan2(Math.abs(dx), 27 - y) <= half
}

function roundedSquare(x, y, size, radius) {
  const cx = Math.min(Math.max(x, radius), size - radius)
  const cy = Math.min(Math.max(y, radius), size - radius)
  return Math.hypot(x - cx, y - cy) <= radius
}

/** RGBA pixels; `pad` shrinks the pin into the maskable safe zone (a circle of 80%). */
function draw(size, { maskable }) {
  const pixels = Buffer.alloc(size * size * 4)
  const scale = (maskable ? 0.72 : 1) * (size / 32)
  const offset = (size - 32 * scale) / 2
  const S = 4
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let pin = 0
      let bg = 0
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const x = px + (sx + 0.5) / S
          const y = py + (sy + 0.5) / S
          const inBg = maskable || roundedSquare(x, y, size, (7 / 32) * size)
          if (!inBg) continue
          bg++
          if (pinCoverage((x - offset) / scale, (y - offset) / scale)) pin++
        }
      }
      const i = (py * size + px) * 4
      const a = pin / (S * S)
      for (let c = 0; c < 3; c++) pixels[i + c] = Math.round(NAVY[c] * (1 - a) + BLUE[c] * a)
      pixels[i + 3] = Math.round((bg / (S * S)) * 255)
    }
  }
  return pixels
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (buf) => {
  let c = 0xffffffff
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}
function png(size, pixels) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8 // bit depth
  header[9] = 6 // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0 // filter: none
    pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const ICONS = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
  { file: 'apple-touch-icon.png', size: 180, maskable: true },
]
for (const icon of ICONS) {
  writeFileSync(path.join(OUT, icon.file), png(icon.size, draw(icon.size, icon)))
  console.log(`wrote public/pwa/${icon.file}`)
}
