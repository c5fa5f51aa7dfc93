// Derives public/basemap/data/zhengzhou_district_labels.wgs84.geojson: one label point per
// district. Labelling the polygons directly places labels per GeoJSON tile piece, which drops
// or doubles them for long thin districts (惠济区). Run: node apps/web/scripts/build-district-labels.mjs
import { readFileSync, writeFileSync } from 'node:fs'

const dataDir = new URL('../../../public/basemap/data/', import.meta.url)
const input = new URL('zhengzhou_districts.wgs84.geojson', dataDir)
const output = new URL('zhengzhou_district_labels.wgs84.geojson', dataDir)
const districts = JSON.parse(readFileSync(input, 'utf8'))

// Even-odd ray casting over all rings of a (Multi)Polygon.
function contains(geometry, [x, y]) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  let inside = false
  for (const ring of polygons.flat()) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]
      const [xj, yj] = ring[j]
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
    }
  }
  return inside
}

const features = districts.features.map((f) => {
  const { adcode, name, centroid, center } = f.properties
  // The area centroid, unless it falls outside the district; then the seat of government.
  const point = contains(f.geometry, centroid) ? centroid : center
  if (!contains(f.geometry, point)) throw new Error(`no label point inside ${adcode} ${name}`)
  return {
    type: 'Feature',
    properties: { adcode, name },
    geometry: { type: 'Point', coordinates: point },
  }
})

const collection = {
  type: 'FeatureCollection',
  metadata: {
    crs: 'WGS84 (EPSG:4326)',
    source: `derived from zhengzhou_districts.wgs84.geojson (property centroid, else center) by apps/web/scripts/build-district-labels.mjs`,
  },
  features,
}
writeFileSync(output, `${JSON.stringify(collection)}\n`)
console.log(`wrote ${features.length} label points to ${output.pathname}`)
