import { isKnownAdminCode } from '@cityops/domain'
import { inArray } from 'drizzle-orm'
import type { Database } from '../db/client'
import { cityCases } from '../db/schema'
import type { ReportCaseInput } from '../services/cases/case-input'
import { reportCase } from '../services/cases/report-case'
import { nodeKey, type CityGeography } from './city-geography'
import { createCasePointSampler } from './case-points'
import { SIMULATED } from './incident-titles'
import { casesBetween, hashString, type CaseReport, type Rng, type TimedEvent } from './models'

export type SimulatedCase = TimedEvent<CaseReport> & { id: string }

export interface CaseWriteResult {
  created: number
  /** Ids of the cases this call reported (not those already there). */
  createdIds: string[]
  existing: number
  failed: { id: string; error: string }[]
}

export interface CaseFeed {
  /** The model's 数字城管 reports in [from, to), each with the case id it becomes. */
  casesBetween(from: Date, to: Date): SimulatedCase[]
  /** Reports them through `reportCase` (the Open311 / POST /api/cases path); known ids skipped. */
  write(db: Database, cases: readonly SimulatedCase[]): Promise<CaseWriteResult>
}

// [U] Each 街道 has a handful of inspectors, each with a 城管通 handheld.
const INSPECTORS_PER_TOWNSHIP = 6

export function createCaseFeed(geo: CityGeography, seed: string, rng: Rng): CaseFeed {
  const samplePoint = createCasePointSampler(geo)
  const roadAt = new Map(geo.roadPoints.map((p) => [nodeKey(p.position), p.roadName]))
  const idPrefix = `sim-${hashString(seed).toString(36)}`

  const inputFor = (c: SimulatedCase): ReportCaseInput => {
    const { kind, categoryCode, location, reporter, description } = c.value
    const district = geo.districts.codeAt(location)
    const township = geo.townships.codeAt(location)
    const place = [
      district && geo.districts.nameOf(district),
      township && geo.townships.nameOf(township),
    ]
    const road = roadAt.get(nodeKey(location))
    const address = `${place.filter(Boolean).join('')}${road ? ` ${road}` : ''}`.trim()
    const inspector = 1 + (hashString(c.id) % INSPECTORS_PER_TOWNSHIP)
    return {
      kind,
      categoryCode,
      // 16 digits: admin code + 大类 + 小类 + sequence (DOMAIN.md §2.1, component codes).
      componentId:
        kind === 'component' && district && isKnownAdminCode(district)
          ? `${district}${categoryCode}${String(hashString(`${c.id}/component`) % 1e6).padStart(6, '0')}`
          : undefined,
      description: `${description}${SIMULATED}`,
      address: address || undefined,
      location,
      crs: 'WGS84',
      channel: reporter === 'inspector' ? 'inspector' : 'wechat',
      reporter:
        reporter === 'inspector'
          ? { deviceId: `cgt-${township ?? district ?? 'city'}-${inspector}` }
          : {},
    }
  }

  return {
    casesBetween: (from, to) =>
      casesBetween(from, to, rng, { samplePoint }).map((c) => ({
        ...c,
        id: `${idPrefix}-${c.key.replace(':', '-')}`,
      })),
    async write(db, cases) {
      const known = await existingIds(
        db,
        cases.map((c) => c.id),
      )
      const result: CaseWriteResult = { created: 0, createdIds: [], existing: 0, failed: [] }
      for (const c of cases) {
        if (known.has(c.id)) {
          result.existing++
          continue
        }
        try {
          await reportCase(db, { actor: null, address: null }, inputFor(c), c.at, { id: c.id })
          result.created++
          result.createdIds.push(c.id)
        } catch (error) {
          result.failed.push({ id: c.id, error: String(error) })
        }
      }
      return result
    },
  }
}

async function existingIds(db: Database, ids: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>()
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db
      .select({ id: cityCases.id })
      .from(cityCases)
      .where(inArray(cityCases.id, ids.slice(i, i + 1000)))
    for (const r of rows) found.add(r.id)
  }
  return found
}
