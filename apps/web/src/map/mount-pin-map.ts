import 'maplibre-gl/dist/maplibre-gl.css'
import { FONT_FAMILY_SANS } from '@cityops/ui'
import type { ThemeName } from '@cityops/ui'
import { GPUInitializationError, Map as MapLibreMap, Marker, NavigationControl } from 'maplibre-gl'
import type { Locale } from '../i18n'
import { registerPmtilesProtocol } from './pmtiles'
import { buildStyle, externalStyleUrl, overlayTransform } from './style'
import { CITY_BOUNDS, MAX_BOUNDS, MAX_ZOOM, MIN_ZOOM } from './view'
import { configureMapLibreWorker } from './worker'

export type PinMapOptions = {
  theme: ThemeName
  locale: Locale
  label: string
  /** Where the pin starts; without one the city is in view and the first tap places it. */
  pin: [number, number] | null
  onPin: (lngLat: [number, number]) => void
  onFailure: (message: string | null) => void
}

export type PinMapController = { setPin: (lngLat: [number, number]) => void; destroy: () => void }

// Close enough to see the streets around a GPS fix on the offline basemap.
const PIN_ZOOM = 14

/**
 * A map to place one pin on (the inspector's report): the same offline basemap as the wall,
 * tap to place, drag to adjust. Lives in the lazy map chunk with MapLibre.
 */
export function mountPinMap(container: HTMLElement, options: PinMapOptions): PinMapController {
  configureMapLibreWorker()
  registerPmtilesProtocol()
  const styleOptions = { theme: options.theme, locale: options.locale, labelScale: 1 }
  const url = externalStyleUrl()
  let map: MapLibreMap
  try {
    map = new MapLibreMap({
      container,
      style: url ?? buildStyle(styleOptions),
      transformStyle: url ? overlayTransform(styleOptions) : undefined,
      ...(options.pin ? { center: options.pin, zoom: PIN_ZOOM } : { bounds: CITY_BOUNDS }),
      minZoom: MIN_ZOOM,
      maxZoom: MAX_ZOOM,
      maxBounds: MAX_BOUNDS,
      localIdeographFontFamily: FONT_FAMILY_SANS,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      attributionControl: { compact: true },
    })
  } catch (error) {
    options.onFailure(error instanceof GPUInitializationError ? null : String(error))
    return { setPin: () => undefined, destroy: () => undefined }
  }
  map.getCanvas().setAttribute('aria-label', options.label)
  map.addControl(new NavigationControl({ showCompass: false }), 'top-left')
  let loaded = false
  map.on('load', () => {
    loaded = true
    // On a phone the sources list would cover the map: start it folded (the ⓘ opens it).
    container.querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show')
  })
  map.on('error', (event) => {
    if (!loaded) options.onFailure(event.error.message)
  })

  let marker: Marker | null = null
  const place = (lngLat: [number, number]) => {
    if (!marker) {
      marker = new Marker({ draggable: true }).setLngLat(lngLat).addTo(map)
      marker.on('dragend', () => {
        const at = marker?.getLngLat()
        if (at) options.onPin([at.lng, at.lat])
      })
    } else marker.setLngLat(lngLat)
  }
  if (options.pin) place(options.pin)
  map.on('click', (event) => {
    const at: [number, number] = [event.lngLat.lng, event.lngLat.lat]
    place(at)
    options.onPin(at)
  })
  return {
    setPin: (lngLat) => {
      place(lngLat)
      map.easeTo({ center: lngLat, zoom: Math.max(map.getZoom(), PIN_ZOOM) })
    },
    destroy: () => map.remove(),
  }
}
