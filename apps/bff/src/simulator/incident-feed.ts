import { inArray } from 'drizzle-orm'
import type { Database } from '../db/client'
import { incidents } from '../db/schema'
import { createIncident } from '../services/incidents/create-incident'
import { nodeKey, type CityGeography } from './city-geography'
import { incidentTitle, involvedDepartments } from './incident-titles'
import { callsBetween, hashString, type IncidentCall, type Rng, type TimedEvent } from './models'
import { createPointSampler } from './point-sampler'

export type SimulatedCall = TimedEvent<IncidentCall> & { id: string }

export interface IncidentWriteResult {
  created: SimulatedCall[]
  existing: number
  failed: { id: string; error: string }[]
}

export interface IncidentFeed {
  /** `sim-<seed hash>`: every id this seed gives starts with it and a dash. */
  idPrefix: string
  /** The model's calls in [from, to), each with the incident id it becomes. */
  callsBetween(from: Date, to: Date): SimulatedCall[]
  /** Creates the calls' incidents through `createIncident`; ids already stored are skipped. */
  write(db: Database, calls: readonly SimulatedCall[]): Promise<IncidentWriteResult>
}

const DESCRIPTION = '模拟演示数据 / Simulated demo data'

export function createIncidentFeed(geo: CityGeography, seed: string, rng: Rng): IncidentFeed {
  const samplePoint = createPointSampler(geo)
  const roadAt = new Map(geo.roadPoints.map((p) => [nodeKey(p.position), p]))
  // The seed is part of the id, so two seeds never collide and one seed always matches itself.
  const idPrefix = `sim-${hashString(seed).toString(36)}`
  const titleRng = rng.fork('title')

  const inputFor = (call: SimulatedCall) => {
    const { category, grade, location, source } = call.value
    const districtCode = geo.districts.codeAt(location)
    const place = {
      districtName: districtCode ? geo.districts.nameOf(districtCode) : null,
      roadName: roadAt.get(nodeKey(location))?.roadName ?? null,
    }
    return {
      title: incidentTitle(category, place, titleRng.fork(call.key)),
      description: DESCRIPTION,
      category,
      grade,
      location,
      crs: 'WGS84' as const,
      departments: involvedDepartments(category, source, districtCode),
    }
  }

  return {
    idPrefix,
    callsBetween: (from, to) =>
      callsBetween(from, to, rng, { samplePoint }).map((c) => ({
        ...c,
        id: `${idPrefix}-${c.key}`,
      })),
    async write(db, calls) {
      const known = await existingIds(
        db,
        calls.map((c) => c.id),
      )
      const result: IncidentWriteResult = { created: [], existing: 0, failed: [] }
      for (const call of calls) {
        if (known.has(call.id)) {
          result.existing++
          continue
        }
        try {
          const who = { actor: null, address: null, source: call.value.source }
          await createIncident(db, who, inputFor(call), call.at, { id: call.id })
          result.created.push(call)
        } catch (error) {
          result.failed.push({ id: call.id, error: String(error) })
        }
      }
      return result
    },
  }
}

async function existingIds(db: Database, ids: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>()
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000)
    const rows = await db
      .select({ id: incidents.id })
      .from(incidents)
      .where(inArray(incidents.id, chunk))
    for (const r of rows) found.add(r.id)
  }
  return found
}
