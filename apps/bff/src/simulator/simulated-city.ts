import { asc } from 'drizzle-orm'
import type { Database } from '../db/client'
import { stations } from '../db/schema'
import { loadCityGeography, type CityGeography } from './city-geography'
import { createCaseFeed, type CaseFeed } from './case-feed'
import { createEnvironmentFeed, type EnvironmentFeed } from './environment-feed'
import { createIncidentFeed, type IncidentFeed } from './incident-feed'
import { createIncidentLifecycleFeed, type IncidentLifecycleFeed } from './incident-lifecycle-feed'
import { createRng, type Rng } from './models'
import { ensureSimulatedStations } from './monitoring-stations'

/** Everything the live runner and the history backfill share: one seed, one geography. */
export interface SimulatedCity {
  seed: string
  geo: CityGeography
  trafficRng: Rng
  unitRng: Rng
  incidents: IncidentFeed
  /** Escalations and closes of the incidents (in memory: call `loadOpen` once at start). */
  lifecycle: IncidentLifecycleFeed
  cases: CaseFeed
  environment: EnvironmentFeed
  stationCount: number
  stationsAdded: number
}

/**
 * Reads the geography once and adds the simulated noise points and river gauges. Each feed
 * gets its own fork of the seed, so adding one never changes what another produces.
 */
export async function prepareSimulatedCity(db: Database, seed: string): Promise<SimulatedCity> {
  const geo = await loadCityGeography(db)
  if (geo.links.length === 0) throw new Error('there are no road segments to simulate on')
  const stationsAdded = await ensureSimulatedStations(db)
  const known = await db
    .select({ code: stations.code, kind: stations.kind })
    .from(stations)
    .orderBy(asc(stations.code))
  const rng = createRng(seed)
  const incidents = createIncidentFeed(geo, seed, rng.fork('incidents'))
  return {
    seed,
    geo,
    trafficRng: rng.fork('traffic'),
    unitRng: rng.fork('units'),
    incidents,
    lifecycle: createIncidentLifecycleFeed(incidents.idPrefix, rng.fork('incidents')),
    cases: createCaseFeed(geo, seed, rng.fork('cases')),
    environment: createEnvironmentFeed(known, rng.fork('environment')),
    stationCount: known.length,
    stationsAdded,
  }
}
