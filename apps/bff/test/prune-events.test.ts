import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { queryRows } from '../src/db/query-rows'
import { appendEvents } from '../src/live/append-events'
import { logRange } from '../src/live/read-events'
import { pruneEvents } from '../src/live/prune-events'
import { createTestDatabase, type TestDatabase } from './support/test-databases'

describe('event log retention', () => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await createTestDatabase('pglite')
  })
  afterAll(() => t?.dispose())

  it('removes only events older than the window, in slices, and keeps seqs gap-free', async () => {
    const old = new Date('2026-11-01T00:00:00Z')
    const recent = new Date('2026-11-20T00:00:00Z')
    const event = (i: number) => ({
      topic: 'alerts' as const,
      type: 'test.appended',
      entityId: `e${i}`,
      version: 1,
      data: { i },
    })
    const base = (await logRange(t.handle.db)).latest
    await t.handle.db.transaction((tx) =>
      appendEvents(
        tx,
        Array.from({ length: 25 }, (_, i) => event(i)),
        old,
      ),
    )
    const kept = await t.handle.db.transaction((tx) => appendEvents(tx, [event(99)], recent))
    expect(await pruneEvents(t.handle.db, new Date('2026-11-10T00:00:00Z'), 10)).toBe(25 + base)
    const rows = await queryRows<{ seq: number }>(
      t.handle.db,
      sql`select seq from events order by seq`,
    )
    expect(rows.map((r) => Number(r.seq))).toEqual([kept[0]?.seq])
    expect(await logRange(t.handle.db)).toEqual({ oldest: kept[0]?.seq, latest: kept[0]?.seq })
  })
})
