import { getWorkerUrl, setWorkerUrl } from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url'

// MapLibre 6 derives its worker URL from its own import.meta.url, which inside a Vite bundle
// points at a chunk with no worker beside it: GeoJSON would silently never parse in the build.
// `?worker&url` makes Vite emit the worker (as an ES module, see vite.config.ts) and give its URL.
export function configureMapLibreWorker(): void {
  if (getWorkerUrl() !== workerUrl) setWorkerUrl(workerUrl)
}
