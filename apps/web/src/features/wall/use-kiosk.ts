import { useEffect, useState } from 'react'
import type { MapView } from '../../map/mount-map'
import { BASEMAP_BASE, assetUrl } from '../../map/sources'

/**
 * Kiosk mode for a wall PC: no chrome, no cursor (document attribute read by the CSS), Esc
 * leaves it. With a tour interval the camera visits the city, then each district in turn.
 */
export function useKiosk(kiosk: boolean, tourSeconds: number | null, onExit: () => void) {
  const [stop, setStop] = useState<MapView | null>(null)
  useEffect(() => {
    if (!kiosk) return
    document.documentElement.dataset.kiosk = 'true'
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onExit()
    }
    window.addEventListener('keydown', onKey)
    return () => {
      delete document.documentElement.dataset.kiosk
      window.removeEventListener('keydown', onKey)
    }
  }, [kiosk, onExit])

  useEffect(() => {
    if (!kiosk || tourSeconds === null) return
    let stops: MapView[] = []
    let i = 0
    let cancelled = false
    void fetch(assetUrl(`${BASEMAP_BASE}/data/zhengzhou_district_labels.wgs84.geojson`))
      .then(
        (r) => r.json() as Promise<{ features: { geometry: { coordinates: [number, number] } }[] }>,
      )
      .then((fc) => {
        if (cancelled) return
        stops = [
          { center: [113.65, 34.75], zoom: 9 },
          ...fc.features.map((f) => ({ center: f.geometry.coordinates, zoom: 11.5 })),
        ]
      })
      .catch(() => undefined)
    const timer = setInterval(() => {
      if (stops.length === 0) return
      setStop(stops[i % stops.length] ?? null)
      i += 1
    }, tourSeconds * 1000)
    return () => {
      cancelled = true
      clearInterval(timer)
    }
  }, [kiosk, tourSeconds])
  return stop
}
