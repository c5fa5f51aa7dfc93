import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { queryRows } from '../src/db/query-rows'
import { unnestRows } from '../src/db/unnest-rows'
import { createTestDatabase, DRIVERS, type TestDatabase } from './support/test-databases'

type Row = {
  text: string | null
  int: number | null
  float: number | null
  json: unknown
}

// Every awkward value an array literal or a JSON array has to carry, through both drivers.
const ROWS: Row[] = [
  { text: 'plain', int: 1, float: 1.5, json: { a: 1 } },
  { text: 'quote " and backslash \\ and \\"', int: -2, float: -0.25, json: ['x', null] },
  { text: '{braces}, commas, "NULL"', int: 0, float: 1e-7, json: 'a string' },
  { text: 'NULL', int: 2_147_483_647, float: 123456789.125, json: 42 },
  { text: '', int: null, float: null, json: null },
  { text: null, int: 7, float: 3, json: { nested: { deep: [1, 2, { q: 'a"b\\c' }] } } },
  { text: ' spaces \t tab\nnewline 中文 ✓', int: 8, float: 0, json: true },
]

describe.each(DRIVERS)('unnestRows on %s', (driver) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await createTestDatabase(driver)
  })
  afterAll(() => t?.dispose())

  it('returns every row and value as given, in order, from one parameter per column', async () => {
    const rows = await queryRows<{ i: number } & Row>(
      t.handle.db,
      sql`select * from ${unnestRows(
        ROWS.map((r, i) => ({ ...r, i })),
        'r',
        {
          i: ['integer', (r) => r.i],
          text: ['text', (r) => r.text],
          int: ['integer', (r) => r.int],
          float: ['double precision', (r) => r.float],
          json: ['jsonb', (r) => r.json],
        },
      )} order by i`,
    )
    expect(
      rows.map(({ i: _i, ...r }) => ({ ...r, float: r.float === null ? null : Number(r.float) })),
    ).toEqual(ROWS)
  })

  it('carries thousands of rows without thousands of parameters', async () => {
    const many = Array.from({ length: 40_000 }, (_, i) => ({ i }))
    const [row] = await queryRows<{ n: number; total: string }>(
      t.handle.db,
      sql`select count(*)::int as n, sum(i)::text as total
          from ${unnestRows(many, 'r', { i: ['integer', (r) => r.i] })}`,
    )
    expect(row).toEqual({ n: 40_000, total: String((39_999 * 40_000) / 2) })
  })
})
