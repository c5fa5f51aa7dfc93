import { CITY_CODE } from '@cityops/domain'
import { sql } from 'drizzle-orm'
import { appendAudit } from '../../audit/append-audit'
import type { Database } from '../../db/client'
import { queryRows } from '../../db/query-rows'

// Resident population per area for incidents.per10k (`npm run import:population -- file.csv`).
// CSV with the header code,population,year,source; codes are the city, a district (6 digits)
// or a township (9 digits) known to the database. All or nothing: the first bad row stops the
// import with a message naming it, and nothing is written.

export interface PopulationRow {
  code: string
  population: number
  year: number
  source: string
}

const HEADER = ['code', 'population', 'year', 'source']

/** One CSV line into fields; double quotes allow commas and "" inside a field (RFC 4180). */
function fields(line: string): string[] {
  const out: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      out.push(field)
      field = ''
    } else field += ch
  }
  out.push(field)
  return out.map((f) => f.trim())
}

/** Parses and checks the file's form; throws an Error naming the first bad line. */
export function parsePopulationCsv(text: string): PopulationRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  const header = fields(lines[0] ?? '').map((h) => h.toLowerCase())
  if (header.join(',') !== HEADER.join(',')) {
    throw new Error(`line 1: the header must be ${HEADER.join(',')}, not "${lines[0] ?? ''}"`)
  }
  const rows: PopulationRow[] = []
  const seen = new Set<string>()
  lines.forEach((line, i) => {
    if (i === 0 || line.trim() === '') return
    const at = `line ${i + 1}`
    const f = fields(line)
    if (f.length !== 4)
      throw new Error(`${at}: expected 4 fields (code,population,year,source), found ${f.length}`)
    const [code = '', population = '', year = '', source = ''] = f
    if (!/^\d{6}(\d{3})?$/.test(code))
      throw new Error(`${at}: code "${code}" is not a 6-digit district or 9-digit township code`)
    if (seen.has(code)) throw new Error(`${at}: code ${code} appears twice`)
    seen.add(code)
    if (!/^\d+$/.test(population) || Number(population) <= 0 || Number(population) > 2_000_000_000)
      throw new Error(`${at}: population "${population}" is not a whole number greater than 0`)
    if (!/^\d{4}$/.test(year)) throw new Error(`${at}: year "${year}" is not a 4-digit year`)
    if (source === '') throw new Error(`${at}: source is empty: say where the figure comes from`)
    rows.push({ code, population: Number(population), year: Number(year), source })
  })
  if (rows.length === 0) throw new Error('the file has no rows after its header')
  return rows
}

/** Imports the file in one transaction (replacing earlier figures of the same codes). */
export async function importPopulation(
  db: Database,
  text: string,
  now = new Date(),
): Promise<{ imported: number }> {
  const rows = parsePopulationCsv(text)
  return db.transaction(async (tx) => {
    const known = new Set(
      (
        await queryRows<{ code: string }>(
          tx,
          sql`select code from admin_areas where level = 'district' or code = ${CITY_CODE}
            union all select code from townships`,
        )
      ).map((r) => r.code),
    )
    const unknown = rows.findIndex((r) => !known.has(r.code))
    if (unknown >= 0) {
      const row = rows[unknown]
      throw new Error(
        `code ${row?.code ?? ''} (row ${unknown + 1}) is not the city, a district or a township of this city`,
      )
    }
    for (const r of rows) {
      await tx.execute(sql`insert into area_population (code, population, year, source)
        values (${r.code}, ${r.population}, ${r.year}, ${r.source})
        on conflict (code) do update set population = excluded.population,
          year = excluded.year, source = excluded.source`)
    }
    await appendAudit(
      tx,
      {
        actorId: null,
        role: null,
        address: null,
        action: 'areaPopulation.import',
        objectType: 'areaPopulation',
        objectId: 'area_population',
        outcome: 'success',
        after: { rows: rows.length, codes: rows.map((r) => r.code) },
      },
      now,
    )
    return { imported: rows.length }
  })
}
