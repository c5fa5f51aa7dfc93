import {
  isKnownAdminCode,
  type LngLat,
  type Incident,
  type KnownAdminCode,
  type Point,
  type Polygon,
} from '@cityops/domain'
import type { CapMsgType } from './cap-enums'
import { incidentCategoryFromCap, SEVERITY_TO_GRADE } from './cap-mappings'
import type { CapAlert, CapArea, CapInfo, CapReference } from './cap-schema'

/** What an inbound alert proposes; the caller creates, or for Update/Cancel links, it. */
export type IncidentDraft = Pick<
  Incident,
  'title' | 'description' | 'category' | 'grade' | 'location' | 'address' | 'districtCode'
> & {
  source: 'CAP'
  reportedAt: string
  cap: { ref: CapReference; msgType: CapMsgType; references: CapReference[] }
}

export type CapToIncidentResult =
  | { kind: 'incident'; draft: IncidentDraft }
  | { kind: 'alertOnly'; reason: 'outsideJurisdiction' | 'noArea' | 'notActual' | 'notAnEvent' }

export interface CapToIncidentOptions {
  /** Polygons are passed as GeoJSON Polygons, circles as their centre Point. */
  isInsideJurisdiction: (geometry: Point | Polygon) => boolean
}

interface Candidate {
  geometry: Point | Polygon
  location: Point
  area: CapArea
}

function candidates(info: CapInfo): Candidate[] {
  return info.areas.flatMap((area) => [
    ...area.polygons.map((ring): Candidate => {
      const polygon: Polygon = { type: 'Polygon', coordinates: [ring] }
      return {
        geometry: polygon,
        location: { type: 'Point', coordinates: ringCentroid(ring) },
        area,
      }
    }),
    ...area.circles.map((circle): Candidate => {
      const point: Point = { type: 'Point', coordinates: circle.center }
      return { geometry: point, location: point, area }
    }),
  ])
}

/** Area-weighted centroid of a ring in plain lng/lat (fine at city scale); vertex mean if flat. */
export function ringCentroid(ring: readonly LngLat[]): LngLat {
  let area = 0
  let x = 0
  let y = 0
  for (let i = 1; i < ring.length; i++) {
    const [x0, y0] = ring[i - 1] ?? [0, 0]
    const [x1, y1] = ring[i] ?? [0, 0]
    const cross = x0 * y1 - x1 * y0
    area += cross
    x += (x0 + x1) * cross
    y += (y0 + y1) * cross
  }
  if (Math.abs(area) > 1e-12) return [x / (3 * area), y / (3 * area)]
  const open = ring.slice(0, -1)
  const n = Math.max(open.length, 1)
  return [open.reduce((s, p) => s + p[0], 0) / n, open.reduce((s, p) => s + p[1], 0) / n]
}

function districtOf(area: CapArea): KnownAdminCode | null {
  return area.geocodes.map((g) => g.value).find(isKnownAdminCode) ?? null
}

const clip = (text: string, max: number): string => (text.length > max ? text.slice(0, max) : text)

/**
 * Proposes an incident from an inbound alert: severity → grade, category → ours, the first
 * area shape inside the jurisdiction → location (polygon centroid or circle centre).
 * Geocode-only areas give `noArea`: we hold no shapes for foreign geocodes.
 */
export function capToIncidentDraft(
  alert: CapAlert,
  options: CapToIncidentOptions,
): CapToIncidentResult {
  if (alert.status !== 'Actual') return { kind: 'alertOnly', reason: 'notActual' }
  if (alert.msgType === 'Ack' || alert.msgType === 'Error') {
    return { kind: 'alertOnly', reason: 'notAnEvent' }
  }
  // Prefer Chinese text; areas are looked for in every <info> (often repeated per language).
  const infos = [...alert.infos].sort(
    (a, b) => Number(b.language.startsWith('zh')) - Number(a.language.startsWith('zh')),
  )
  const info = infos[0]
  const shapes = infos.flatMap(candidates)
  if (info === undefined || shapes.length === 0) return { kind: 'alertOnly', reason: 'noArea' }
  const inside = shapes.find((shape) => options.isInsideJurisdiction(shape.geometry))
  if (inside === undefined) return { kind: 'alertOnly', reason: 'outsideJurisdiction' }
  const text = [info.description, info.instruction].filter(Boolean).join('\n\n')
  return {
    kind: 'incident',
    draft: {
      title: clip(info.headline ?? info.event, 200),
      description: clip(text, 4000),
      source: 'CAP',
      category: incidentCategoryFromCap(info.category, `${info.event} ${info.headline ?? ''}`),
      grade: SEVERITY_TO_GRADE[info.severity],
      location: inside.location,
      address: inside.area.areaDesc,
      districtCode: districtOf(inside.area),
      reportedAt: alert.sent,
      cap: {
        ref: { sender: alert.sender, identifier: alert.identifier, sent: alert.sent },
        msgType: alert.msgType,
        references: alert.references,
      },
    },
  }
}
