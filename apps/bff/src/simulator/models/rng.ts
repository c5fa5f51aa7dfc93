// Seeded, forkable PRNG. Nothing in the simulator may call Math.random: every value comes
// from a seed path, so a demo day can be replayed exactly.

export interface Weighted<T> {
  value: T
  weight: number
}

export interface Rng {
  /** The seed path this stream was built from, e.g. "demo/air/1316A". */
  readonly seed: string
  /** Uniform in [0, 1). */
  next(): number
  uniform(min: number, max: number): number
  /** Integer in [0, n). */
  int(n: number): number
  chance(probability: number): boolean
  normal(mean: number, sd: number): number
  exponential(mean: number): number
  poisson(lambda: number): number
  pick<T>(items: readonly Weighted<T>[]): T
  /**
   * An independent stream for a sub-topic. It depends only on this stream's seed and the
   * label, never on how many numbers were drawn, so adding a station leaves others unchanged.
   */
  fork(label: string | number): Rng
}

// FNV-1a then murmur3's finaliser, so nearby labels ("L1", "L2") give unrelated seeds.
export function hashString(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

// mulberry32: tiny, fast, passes the usual statistical batteries for simulation use.
function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function createRng(seed: string | number): Rng {
  const path = String(seed)
  const next = mulberry32(hashString(path))
  const rng: Rng = {
    seed: path,
    next,
    uniform: (min, max) => min + (max - min) * next(),
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    normal: (mean, sd) => mean + sd * standardNormal(next),
    exponential: (mean) => -mean * Math.log(1 - next()),
    poisson: (lambda) => poisson(next, lambda),
    pick: (items) => pick(next, items),
    fork: (label) => createRng(`${path}/${label}`),
  }
  return rng
}

// Box–Muller; 1 − u keeps the logarithm away from 0.
function standardNormal(next: () => number): number {
  const u = 1 - next()
  const v = next()
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
}

// Knuth's product method is exact but O(λ); above 30 the normal approximation (rounded,
// floored at 0) is within a few per cent of the true shape, which is all a demo feed needs.
function poisson(next: () => number, lambda: number): number {
  if (!(lambda >= 0) || !Number.isFinite(lambda)) {
    throw new RangeError(`Poisson rate must be a finite number ≥ 0, got ${lambda}`)
  }
  if (lambda === 0) return 0
  if (lambda > 30) {
    return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * standardNormal(next)))
  }
  const limit = Math.exp(-lambda)
  let k = 0
  let p = next()
  while (p > limit) {
    k++
    p *= next()
  }
  return k
}

function pick<T>(next: () => number, items: readonly Weighted<T>[]): T {
  const total = items.reduce((sum, item) => sum + Math.max(0, item.weight), 0)
  if (!(total > 0)) throw new RangeError('pick needs at least one item with a positive weight')
  let r = next() * total
  for (const item of items) {
    r -= Math.max(0, item.weight)
    if (r < 0 && item.weight > 0) return item.value
  }
  // Floating-point leftovers land on the last positive item.
  const last = items.findLast((item) => item.weight > 0)
  if (last === undefined) throw new RangeError('pick needs at least one positive weight')
  return last.value
}

/**
 * Smooth noise over time with no state: standard normals at knots every `stepMs`, blended
 * with a cosine ease. The same (rng seed, key, t) always gives the same value; its sd is
 * about 0.7–1 (lowest half-way between knots).
 */
export function valueNoise(rng: Rng, key: string, t: number, stepMs: number): number {
  const k = Math.floor(t / stepMs)
  const f = (t - k * stepMs) / stepMs
  const a = rng.fork(`${key}@${k}`).normal(0, 1)
  const b = rng.fork(`${key}@${k + 1}`).normal(0, 1)
  const w = (1 - Math.cos(Math.PI * f)) / 2
  return a * (1 - w) + b * w
}
