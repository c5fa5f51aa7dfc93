import { z } from 'zod'

export const MAX_BATCH = 5000

export type ItemResult =
  | { index: number; status: 'stored' | 'duplicate' }
  | { index: number; status: 'invalid'; error: string }

/**
 * Validates each item on its own: one bad reading must not reject a gateway's whole batch.
 * `fastPath` may accept plainly valid items without the schema; it returns null for the rest.
 */
export function validateItems<S extends z.ZodType>(
  items: unknown[],
  schema: S,
  fastPath?: (raw: unknown) => z.infer<S> | null,
) {
  const valid: { index: number; item: z.infer<S> }[] = []
  const results: ItemResult[] = []
  items.forEach((raw, index) => {
    const fast = fastPath?.(raw)
    if (fast) return void valid.push({ index, item: fast })
    const parsed = schema.safeParse(raw)
    if (parsed.success) valid.push({ index, item: parsed.data })
    else {
      const issue = parsed.error.issues[0]
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : ''
      results.push({ index, status: 'invalid', error: `${where}${issue?.message ?? 'invalid'}` })
    }
  })
  return { valid, results }
}

export const BatchSource = z.string().trim().min(1, 'source 必填 / source is required').max(64)
export const BatchItems = z
  .array(z.unknown())
  .min(1, '批次为空 / The batch is empty')
  .max(MAX_BATCH, `每批最多 ${MAX_BATCH} 条 / At most ${MAX_BATCH} items per batch`)

export function summarize(results: ItemResult[]) {
  const sorted = [...results].sort((a, b) => a.index - b.index)
  const count = (s: ItemResult['status']) => sorted.filter((r) => r.status === s).length
  return {
    stored: count('stored'),
    duplicate: count('duplicate'),
    invalid: count('invalid'),
    results: sorted,
  }
}

/**
 * The first row of each key, to insert; a repeat inside the same batch is a duplicate whatever
 * the database holds. (The first one is a duplicate too if an earlier batch stored its key.)
 */
export function firstOfEachKey<R extends { index: number }>(rows: R[], key: (r: R) => string) {
  const seen = new Set<string>()
  const unique: R[] = []
  const repeats: ItemResult[] = []
  for (const r of rows) {
    const k = key(r)
    if (seen.has(k)) repeats.push({ index: r.index, status: 'duplicate' })
    else {
      seen.add(k)
      unique.push(r)
    }
  }
  return { unique, repeats }
}

/** Stored or duplicate for each unique row, from the indexes the insert reported as new. */
export function storedOrDuplicate(unique: { index: number }[], storedIndexes: readonly number[]) {
  const stored = new Set(storedIndexes)
  return unique.map((r): ItemResult => ({
    index: r.index,
    status: stored.has(r.index) ? 'stored' : 'duplicate',
  }))
}
