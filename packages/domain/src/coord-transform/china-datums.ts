import type { LngLat } from '../geo'

// The widely published public approximation of GCJ-02 ("Mars coordinates"), on the
// Krasovsky 1940 ellipsoid; it matches the official offset to about 1–2 m.
const A = 6378245.0
// Published as 0.00669342162296594323; written here as the identical IEEE-754 double.
const EE = 0.006693421622965943
const X_PI = (Math.PI * 3000.0) / 180.0
// GCJ→WGS iteration stops below this (degrees); the brief asks for < 1e-7°.
const INVERSE_TOLERANCE_DEG = 1e-9
const MAX_ITERATIONS = 30

/** The GCJ-02 offset applies only inside China's bounding box; elsewhere it is identity. */
export function isOutsideChina([lng, lat]: LngLat): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271
}

function transformLat(x: number, y: number): number {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  r += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0
  r += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0
  return r
}

function transformLng(x: number, y: number): number {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  r += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0
  r +=
    ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0
  return r
}

function gcjOffset([lng, lat]: LngLat): LngLat {
  const radLat = (lat / 180.0) * Math.PI
  const sinLat = Math.sin(radLat)
  const magic = 1 - EE * sinLat * sinLat
  const sqrtMagic = Math.sqrt(magic)
  const dLat =
    (transformLat(lng - 105.0, lat - 35.0) * 180.0) /
    (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI)
  const dLng =
    (transformLng(lng - 105.0, lat - 35.0) * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI)
  return [dLng, dLat]
}

export function wgs84ToGcj02(p: LngLat): LngLat {
  if (isOutsideChina(p)) return [p[0], p[1]]
  const [dLng, dLat] = gcjOffset(p)
  return [p[0] + dLng, p[1] + dLat]
}

/** Inverts wgs84ToGcj02 by fixed-point iteration (the forward formula has no closed inverse). */
export function gcj02ToWgs84(p: LngLat): LngLat {
  if (isOutsideChina(p)) return [p[0], p[1]]
  const [dLng, dLat] = gcjOffset(p)
  return invert(wgs84ToGcj02, p, [p[0] - dLng, p[1] - dLat])
}

// Solves forward(x) = target starting from `guess`, to INVERSE_TOLERANCE_DEG.
function invert(forward: (p: LngLat) => LngLat, target: LngLat, guess: LngLat): LngLat {
  let [lng, lat] = guess
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const [fLng, fLat] = forward([lng, lat])
    const errLng = target[0] - fLng
    const errLat = target[1] - fLat
    lng += errLng
    lat += errLat
    if (Math.abs(errLng) < INVERSE_TOLERANCE_DEG && Math.abs(errLat) < INVERSE_TOLERANCE_DEG) break
  }
  return [lng, lat]
}

// Baidu's BD-09 adds a further published rotation/scale on top of GCJ-02.
export function gcj02ToBd09(p: LngLat): LngLat {
  if (isOutsideChina(p)) return [p[0], p[1]]
  const [x, y] = p
  const z = Math.sqrt(x * x + y * y) + 0.00002 * Math.sin(y * X_PI)
  const theta = Math.atan2(y, x) + 0.000003 * Math.cos(x * X_PI)
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006]
}

// The published BD-09 → GCJ-02 formula is only accurate to ~1e-6° (~0.1 m); we refine it
// against the forward formula so both directions agree to < 1e-7°.
export function bd09ToGcj02(p: LngLat): LngLat {
  if (isOutsideChina(p)) return [p[0], p[1]]
  const x = p[0] - 0.0065
  const y = p[1] - 0.006
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI)
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI)
  return invert(gcj02ToBd09, p, [z * Math.cos(theta), z * Math.sin(theta)])
}

export function bd09ToWgs84(p: LngLat): LngLat {
  return gcj02ToWgs84(bd09ToGcj02(p))
}

export function wgs84ToBd09(p: LngLat): LngLat {
  return gcj02ToBd09(wgs84ToGcj02(p))
}
