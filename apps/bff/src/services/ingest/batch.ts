import { z } from 'zod'

export const MAX_BATCH = 5000

export type ItemResult =
  | { index: number; status: 'stored' | 'duplicate' }
  | { index: number; status: 'invalid'; error: string }

/** Validates each item on its own: one bad reading must not reject a gateway's whole batch. */
export function validateItems<S extends z.ZodType>(items: unknown[], schema: S) {
  const valid: { index: number; item: z.infer<S> }[] = []
  const results: ItemResult[] = []
  items.forEach((raw, index) => {
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
 * Which rows the insert actually stored: the first row of each inserted key. A repeat inside
 * the same batch, or a key stored by an earlier batch, is a duplicate.
 */
export function splitStored<R extends { index: number }>(
  rows: R[],
  insertedKeys: Set<string>,
  key: (r: R) => string,
) {
  const results: ItemResult[] = []
  const stored: R[] = []
  const claimed = new Set<string>()
  for (const r of rows) {
    const k = key(r)
    const isFirst = insertedKeys.has(k) && !claimed.has(k)
    if (isFirst) {
      claimed.add(k)
      stored.push(r)
    }
    results.push({ index: r.index, status: isFirst ? 'stored' : 'duplicate' })
  }
  return { results, stored }
}

// PGlite (and PostgreSQL's protocol) allow at most 32,767 / 65,535 bind parameters per
// statement; PGlite fails silently past its limit. Inserts go in slices well below both.
export const INSERT_SLICE_ROWS = 2000

/** Runs `insert` over slices of `rows` and concatenates what each slice returned. */
export async function insertInSlices<R, T>(
  rows: R[],
  insert: (slice: R[]) => Promise<T[]>,
): Promise<T[]> {
  const out: T[] = []
  for (let i = 0; i < rows.length; i += INSERT_SLICE_ROWS)
    out.push(...(await insert(rows.slice(i, i + INSERT_SLICE_ROWS))))
  return out
}
