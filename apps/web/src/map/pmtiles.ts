import { addProtocol } from 'maplibre-gl'
import { Protocol } from 'pmtiles'

let registered = false

/**
 * Lets a configured style read `pmtiles://` sources: one archive file served by the app (or any
 * same-network host), no tile server — the simplest way to ship a full offline city basemap.
 */
export function registerPmtilesProtocol(): void {
  if (registered) return
  registered = true
  addProtocol('pmtiles', new Protocol().tile)
}
