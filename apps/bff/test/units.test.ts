import { DomainError, type LngLat } from '@cityops/domain'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../src/db/query-rows'
import { moveUnits } from '../src/services/units/move-units'
import { seedUnits } from '../src/services/units/seed-units'
import { loadCityGeography } from '../src/simulator/city-geography'
import { createTestDatabase, DRIVERS, type TestDatabase } from './support/test-databases'

const NOW = new Date('2026-11-20T02:00:00Z')
const later = (s: number) => new Date(NOW.getTime() + s * 1000)

interface UnitRow extends Record<string, unknown> {
  id: string
  call_sign: string
  department_code: string
  status: string
  version: number
  district: string | null
}

describe.each(DRIVERS)('units service on %s', (driver) => {
  let t: TestDatabase
  let candidates: LngLat[]
  beforeAll(async () => {
    t = await createTestDatabase(driver)
    const geo = await loadCityGeography(t.handle.db)
    candidates = geo.mainNodes.map((id) => geo.graph.nodes.get(id)).filter((p) => p !== undefined)
  })
  afterAll(() => t?.dispose())

  const units = () =>
    queryRows<UnitRow>(
      t.handle.db,
      sql`select u.id, u.call_sign, u.department_code, u.status, u.version,
            (select a.code from admin_areas a where a.level = 'district'
              and ST_Contains(a.geom, u.location)) as district
          from units u order by u.id`,
    )
  const eventsOf = (id: string) =>
    queryRows<{ type: string; version: number; departments: string[]; data: { status: string } }>(
      t.handle.db,
      sql`select type, version, departments, data from events
          where topic = 'units' and entity_id = ${id} order by seq`,
    )

  it('creates the fleet once, each vehicle of a district office inside its district', async () => {
    expect(await seedUnits(t.handle.db, NOW, { seed: 's', candidates })).toBe(137)
    expect(await seedUnits(t.handle.db, later(60), { seed: 's', candidates })).toBe(0)
    const all = await units()
    expect(all).toHaveLength(137)
    const count = (code: string) => all.filter((u) => u.department_code === code).length
    expect([count('gaj110'), count('xfzd'), count('ji120'), count('jjzd'), count('szgc')]).toEqual([
      40, 12, 25, 20, 10,
    ])
    expect(all.find((u) => u.id === 'u-xfzd-03')?.call_sign).toBe('郑消03')
    expect(all.find((u) => u.id === 'u-ji120-07')?.call_sign).toBe('郑急120-07')
    expect(all.find((u) => u.id === 'u-gaj110-12')?.call_sign).toBe('郑公巡12')
    for (const u of all.filter((x) => x.department_code.startsWith('cg-'))) {
      expect(u.district).toBe(u.department_code.slice(3))
    }
    const created = await eventsOf('u-xfzd-03')
    expect(created).toMatchObject([{ type: 'unit.created', version: 1, departments: ['xfzd'] }])
  })

  it('moves units in one batch: one event each, statusChanged when the status changes', async () => {
    const result = await moveUnits(
      t.handle.db,
      [
        { id: 'u-gaj110-01', position: [113.65, 34.75], status: 'available' },
        { id: 'u-xfzd-01', position: [113.66, 34.76], status: 'enRoute' },
        { id: 'no-such-unit', position: [113.66, 34.76], status: 'enRoute' },
      ],
      later(120),
    )
    expect(result).toEqual({ changed: 2, statusChanged: 1 })
    expect(await eventsOf('u-gaj110-01')).toMatchObject([
      { type: 'unit.created' },
      { type: 'unit.moved', version: 2, departments: ['gaj110'], data: { status: 'available' } },
    ])
    expect(await eventsOf('u-xfzd-01')).toMatchObject([
      { type: 'unit.created' },
      { type: 'unit.statusChanged', version: 2, data: { status: 'enRoute' } },
    ])
    const [row] = await queryRows<{ lng: number; lat: number }>(
      t.handle.db,
      sql`select ST_X(location) as lng, ST_Y(location) as lat from units where id = 'u-xfzd-01'`,
    )
    expect([Number(row?.lng), Number(row?.lat)]).toEqual([113.66, 34.76])
  })

  it('skips units that did not change and updates older than the last change', async () => {
    const same = {
      id: 'u-gaj110-01',
      position: [113.65, 34.75] as LngLat,
      status: 'available' as const,
    }
    expect(await moveUnits(t.handle.db, [same], later(180))).toEqual({
      changed: 0,
      statusChanged: 0,
    })
    const stale = { ...same, position: [113.7, 34.8] as LngLat }
    expect(await moveUnits(t.handle.db, [stale], later(60))).toEqual({
      changed: 0,
      statusChanged: 0,
    })
    expect((await eventsOf('u-gaj110-01')).map((e) => e.version)).toEqual([1, 2])
  })

  it('refuses an invalid status or position before writing anything', async () => {
    const bad = [{ id: 'u-gaj110-02', position: [113.6, 34.7], status: 'busy' }]
    await expect(moveUnits(t.handle.db, bad as never, later(200))).rejects.toThrow(DomainError)
    const offMap = [
      { id: 'u-gaj110-02', position: [213.6, 34.7] as LngLat, status: 'available' as const },
    ]
    await expect(moveUnits(t.handle.db, offMap, later(200))).rejects.toThrow(/position/)
    expect((await eventsOf('u-gaj110-02')).map((e) => e.type)).toEqual(['unit.created'])
  })
})
