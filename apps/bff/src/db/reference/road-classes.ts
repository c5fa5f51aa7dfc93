import { ROAD_CLASSES, ROAD_CLASS_LABELS, type RoadClass } from '@cityops/domain'
import type { RoadClassifier } from './road-network'

// Imported road classes, mapped onto the four CJJ 37 urban classes that the GB/T 33171 speed
// bands are keyed by (DOMAIN.md §2.6). [U] The OSM mapping follows common OSM China practice:
// motorway = 高速公路 and trunk = 城市快速路 (both expressway), primary = 主干路,
// secondary = 次干路, tertiary and smaller streets = 支路.
const OSM_CLASSES: Readonly<Record<string, RoadClass>> = {
  motorway: 'expressway',
  motorway_link: 'expressway',
  trunk: 'expressway',
  trunk_link: 'expressway',
  primary: 'arterial',
  primary_link: 'arterial',
  secondary: 'secondary',
  secondary_link: 'secondary',
  tertiary: 'branch',
  tertiary_link: 'branch',
  unclassified: 'branch',
  residential: 'branch',
  living_street: 'branch',
  road: 'branch',
}

// Ways that are not city streets for traffic (paths, parking aisles, tracks, plans) are left
// out rather than refused, so a raw OSM or Geofabrik extract can be imported as it is.
const NOT_STREETS = new Set([
  'service',
  'track',
  'track_grade1',
  'track_grade2',
  'track_grade3',
  'track_grade4',
  'track_grade5',
  'pedestrian',
  'footway',
  'cycleway',
  'path',
  'steps',
  'bridleway',
  'corridor',
  'elevator',
  'platform',
  'busway',
  'bus_guideway',
  'raceway',
  'escape',
  'construction',
  'proposed',
  'abandoned',
  'via_ferrata',
  'sidewalk',
  'crossing',
  'unknown',
])

const PROPERTIES = ['road_class', 'highway', 'fclass'] as const

/**
 * The class of an imported road from the first of `road_class` (ours: expressway, arterial,
 * secondary, branch, or 快速路 / 主干路 / 次干路 / 支路), `highway` (OSM) or `fclass`
 * (Geofabrik shapefiles, OSM values). Null for a non-street; throws for anything else.
 */
export const importedRoadClass: RoadClassifier = (p) => {
  const key = PROPERTIES.find((k) => p[k] !== undefined && p[k] !== null && p[k] !== '')
  if (key === undefined)
    throw new Error(
      'it has no road class: give it a `road_class` (expressway, arterial, secondary, branch), an OSM `highway` or a Geofabrik `fclass`',
    )
  const value = String(p[key]).trim()
  const ours =
    ROAD_CLASSES.find((c) => c === value) ??
    ROAD_CLASSES.find((c) => ROAD_CLASS_LABELS[c].zh === value)
  if (ours) return ours
  if (key !== 'road_class') {
    const osm = OSM_CLASSES[value]
    if (osm) return osm
    if (NOT_STREETS.has(value)) return null
  }
  throw new Error(
    `its ${key} "${value.slice(0, 40)}" is not a road class cityops knows (README, "Importing a road network")`,
  )
}
