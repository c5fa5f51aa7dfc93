import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { distanceMeters } from '@cityops/domain'
import { describe, expect, it } from 'vitest'
import { importedRoadClass } from './road-classes'
import { parseRoadNetwork } from './road-import'

const FIXTURE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../test/fixtures/roads/zhengzhou-roads.geojson',
)
const text = readFileSync(FIXTURE, 'utf8')
const line = (
  properties: Record<string, unknown>,
  coordinates: unknown = [
    [113.66, 34.77],
    [113.67, 34.77],
  ],
) => ({
  type: 'Feature',
  properties,
  geometry: { type: 'LineString', coordinates },
})
const collection = (...features: unknown[]) =>
  JSON.stringify({ type: 'FeatureCollection', features })
const road = (name: string) => line({ road_class: 'branch', name })

describe('parseRoadNetwork on the fixture', () => {
  const network = parseRoadNetwork(text)

  it('splits MultiLineStrings and lines at shared vertices, and leaves out non-streets', () => {
    expect(network).toMatchObject({ features: 8, skipped: 1 })
    expect(network.segments.map((s) => s.id)).toEqual([
      'way/25837201.1',
      'way/25837201.2',
      'way/25837201.3',
      'HY-01.1',
      'HY-01.2',
      'HY-01.3',
      'R3-1.1',
      'R3-1.2',
      'R3-2',
      'R4.1',
      'R4.2',
      '1001',
      'way/4400',
      'R8',
    ])
    const classes = Object.fromEntries(network.segments.map((s) => [s.id, s.roadClass]))
    expect(classes).toMatchObject({
      'way/25837201.2': 'arterial', // highway=primary
      'R3-2': 'arterial', // fclass=primary
      'R4.1': 'secondary', // road_class=次干路
      '1001': 'branch', // fclass=tertiary
      'way/4400': 'expressway', // highway=trunk
    })
    expect(network.segments.find((s) => s.id === 'R4.2')?.name).toBe('经三路')
  })

  it('joins the pieces at junctions: every split point is another segment’s end', () => {
    const ends = new Set(
      network.segments.flatMap((s) => [s.coordinates[0], s.coordinates.at(-1)].map(String)),
    )
    expect(ends.has(String([113.668, 34.7697]))).toBe(true) // 金水路 × 经三路
    expect(ends.has(String([113.6761, 34.776]))).toBe(true) // 花园路 × 纬五路
  })

  it('converts GCJ-02 input to WGS84 (about 500–600 m in Zhengzhou)', () => {
    const [gcj] = parseRoadNetwork(text, 'GCJ02').segments
    const [wgs] = network.segments
    const shift = distanceMeters(gcj?.coordinates[0] ?? [0, 0], wgs?.coordinates[0] ?? [0, 0])
    expect(shift).toBeGreaterThan(450)
    expect(shift).toBeLessThan(700)
  })
})

describe('parseRoadNetwork refuses bad input in one sentence naming the feature', () => {
  it.each([
    ['invalid JSON', '{"type":', /^the file is not valid JSON/],
    [
      'not a collection',
      JSON.stringify(road('x')),
      /^the file is not a GeoJSON FeatureCollection$/,
    ],
    [
      'a projected CRS',
      JSON.stringify({
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } },
        features: [road('a')],
      }),
      /declares the coordinate system urn:ogc:def:crs:EPSG::3857/,
    ],
    [
      'a point',
      collection(road('a'), {
        type: 'Feature',
        properties: {},
        geometry: { type: 'Point', coordinates: [113.6, 34.7] },
      }),
      /^feature 1: the geometry must be a LineString or a MultiLineString$/,
    ],
    [
      'projected coordinates',
      collection(
        road('a'),
        road('b'),
        line({ road_class: 'branch' }, [
          [12_650_000, 4_130_000],
          [12_651_000, 4_130_000],
        ]),
      ),
      /^feature 2: a coordinate is not a \[longitude, latitude\] pair/,
    ],
    ['no class', collection(line({ name: '无名路' })), /^feature 0: it has no road class/],
    [
      'an unknown class',
      collection(road('a'), line({ highway: 'runway' })),
      /^feature 1: its highway "runway" is not a road class/,
    ],
    [
      'an OSM value as road_class',
      collection(line({ road_class: 'primary' })),
      /^feature 0: its road_class "primary"/,
    ],
    [
      'a duplicate id',
      collection(
        line({ id: 'A', road_class: 'branch' }),
        road('b'),
        line({ id: 'A', road_class: 'arterial' }, [
          [113.7, 34.8],
          [113.71, 34.8],
        ]),
      ),
      /^feature 2: its id "A" is already used by feature 0; road ids must be unique$/,
    ],
    [
      'a zero-length line',
      collection(
        line({ road_class: 'branch' }, [
          [113.66, 34.77],
          [113.66, 34.77],
        ]),
      ),
      /^feature 0: the line has no length/,
    ],
    [
      'only footways',
      collection(line({ highway: 'footway' })),
      /^none of the 1 features is a city road/,
    ],
  ])('%s', (_label, input, message) => {
    expect(() => parseRoadNetwork(input)).toThrow(message)
  })
})

describe('importedRoadClass', () => {
  it.each([
    [{ road_class: 'expressway' }, 'expressway'],
    [{ road_class: '主干路' }, 'arterial'],
    [{ highway: 'motorway_link' }, 'expressway'],
    [{ highway: 'secondary' }, 'secondary'],
    [{ highway: 'residential' }, 'branch'],
    [{ fclass: 'primary_link' }, 'arterial'],
    [{ fclass: 'service' }, null],
    [{ highway: 'cycleway' }, null],
    [{ road_class: 'branch', highway: 'footway' }, 'branch'], // road_class comes first
  ] as const)('%j → %s', (properties, expected) => {
    expect(importedRoadClass(properties)).toBe(expected)
  })
})
