import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../src/db/query-rows'
import { importPopulation, parsePopulationCsv } from '../src/services/analytics/import-population'
import { runBff } from './support/run-bff'
import { createTestDatabase, DRIVERS, type TestDatabase } from './support/test-databases'

// `npm run import:population`: all or nothing, with a one-line error naming the bad row.

const HEADER = 'code,population,year,source'
const scratch = mkdtempSync(path.join(tmpdir(), 'cityops-population-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('population CSV', () => {
  it.each([
    [
      'code,pop,year,source\n410102,1,2020,x',
      'line 1: the header must be code,population,year,source',
    ],
    [
      `${HEADER}\n410102,1000,2020,a\n41010,5,2020,b`,
      'line 3: code "41010" is not a 6-digit district or 9-digit township code',
    ],
    [`${HEADER}\n410102,-5,2020,a`, 'line 2: population "-5" is not a whole number greater than 0'],
    [`${HEADER}\n410102,0,2020,a`, 'line 2: population "0" is not a whole number greater than 0'],
    [
      `${HEADER}\n410102,12.5,2020,a`,
      'line 2: population "12.5" is not a whole number greater than 0',
    ],
    [`${HEADER}\n410102,100,20,a`, 'line 2: year "20" is not a 4-digit year'],
    [`${HEADER}\n410102,100,2020,`, 'line 2: source is empty'],
    [`${HEADER}\n410102,100,2020`, 'line 2: expected 4 fields'],
    [`${HEADER}\n410102,100,2020,a\n410102,200,2021,b`, 'line 3: code 410102 appears twice'],
    [`${HEADER}\n`, 'the file has no rows after its header'],
  ])('refuses %j', (text, message) => {
    expect(() => parsePopulationCsv(text)).toThrow(message)
  })

  it('reads quoted sources with commas, a BOM and CRLF line ends', () => {
    expect(
      parsePopulationCsv(
        `\uFEFF${HEADER}\r\n410102,1234567,2020,"七普, 郑州统计年鉴 ""2021"""\r\n`,
      ),
    ).toEqual([
      { code: '410102', population: 1234567, year: 2020, source: '七普, 郑州统计年鉴 "2021"' },
    ])
  })

  it('the command names the bad row and imports nothing', async () => {
    const file = path.join(scratch, 'bad.csv')
    writeFileSync(file, `${HEADER}\n410102,1000,2020,a\n410103,lots,2020,b\n`)
    const run = await runBff(
      { DATA_DIR: path.join(scratch, 'db') },
      'src/cli/import-population.ts',
      [file],
    ).exited
    expect(run.code).toBe(1)
    expect(run.stderr.trim()).toBe(
      'cityops: bad.csv: line 3: population "lots" is not a whole number greater than 0. Nothing was imported.',
    )
  })
})

describe.each(DRIVERS)('population import on %s', (driver) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await createTestDatabase(driver)
  }, 120_000)
  afterAll(() => t?.dispose())
  const stored = async () =>
    queryRows<{ code: string; population: number }>(
      t.handle.db,
      sql`select code, population from area_population order by code`,
    )

  it('imports districts and townships, replaces on re-import, audits it', async () => {
    await importPopulation(t.handle.db, `${HEADER}\n410102,1000,2020,a\n410105001,2000,2020,b\n`)
    await importPopulation(t.handle.db, `${HEADER}\n410102,1500,2021,c\n`)
    expect(await stored()).toEqual([
      { code: '410102', population: 1500 },
      { code: '410105001', population: 2000 },
    ])
    const audit = await queryRows<{ n: number }>(
      t.handle.db,
      sql`select count(*)::int as n from audit_log where action = 'areaPopulation.import'`,
    )
    expect(audit[0]?.n).toBe(2)
  })

  it('an unknown area anywhere in the file: nothing is written', async () => {
    const before = await stored()
    await expect(
      importPopulation(t.handle.db, `${HEADER}\n410103,900,2020,a\n999999,5,2020,b\n`),
    ).rejects.toThrow('code 999999 (row 2) is not the city, a district or a township of this city')
    expect(await stored()).toEqual(before)
  })
})
