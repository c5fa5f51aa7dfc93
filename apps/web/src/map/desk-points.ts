import { GeoJSONSource, type Map as MapLibreMap } from 'maplibre-gl'

/** A case on a desk's map: its colour says its clock; the open one is drawn larger, ringed. */
export type DeskPoint = {
  id: string
  coordinates: [number, number]
  color: string
  /** The selection ring (the theme's text colour reads on every basemap). */
  ringColor: string
  isSelected: boolean
}

const SOURCE_ID = 'desk-points'
const LAYER_ID = 'desk-points-circle'
const SELECTED_LAYER_ID = 'desk-points-selected'

const collection = (points: readonly DeskPoint[]) => ({
  type: 'FeatureCollection' as const,
  features: points.map((p) => ({
    type: 'Feature' as const,
    id: p.id,
    geometry: { type: 'Point' as const, coordinates: p.coordinates },
    properties: { id: p.id, color: p.color, ring: p.ringColor, selected: p.isSelected },
  })),
})

/**
 * The queue's cases as one GeoJSON source and two circle layers above the basemap (a desk
 * shows its own filtered list, not the wall's live layers). Re-added after a style change.
 */
export function createDeskPoints(map: MapLibreMap) {
  let points: readonly DeskPoint[] = []
  const ensure = () => {
    if (!map.getSource(SOURCE_ID))
      map.addSource(SOURCE_ID, { type: 'geojson', data: collection(points), promoteId: 'id' })
    if (!map.getLayer(LAYER_ID))
      map.addLayer({
        id: LAYER_ID,
        type: 'circle',
        source: SOURCE_ID,
        paint: {
          'circle-radius': ['case', ['get', 'selected'], 10, 6],
          'circle-color': ['get', 'color'],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.5,
        },
      })
    if (!map.getLayer(SELECTED_LAYER_ID))
      map.addLayer({
        id: SELECTED_LAYER_ID,
        type: 'circle',
        source: SOURCE_ID,
        filter: ['==', ['get', 'selected'], true],
        paint: {
          'circle-radius': 16,
          'circle-color': 'rgba(0,0,0,0)',
          'circle-stroke-color': ['get', 'ring'],
          'circle-stroke-width': 3,
        },
      })
    const source = map.getSource(SOURCE_ID)
    if (source instanceof GeoJSONSource) void source.setData(collection(points))
  }
  const refill = () => {
    if (map.isStyleLoaded()) ensure()
    else map.once('idle', ensure)
  }
  map.on('style.load', ensure)
  return {
    set(next: readonly DeskPoint[]) {
      points = next
      refill()
    },
    refill,
    onClick(listener: (id: string) => void) {
      map.on('click', LAYER_ID, (e) => {
        const id: unknown = e.features?.[0]?.properties.id
        if (typeof id === 'string') listener(id)
      })
      map.on('mouseenter', LAYER_ID, () => (map.getCanvas().style.cursor = 'pointer'))
      map.on('mouseleave', LAYER_ID, () => (map.getCanvas().style.cursor = ''))
    },
  }
}
