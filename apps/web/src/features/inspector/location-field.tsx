import { Button, LoadingState } from '@cityops/ui'
import { lazy, Suspense, useState } from 'react'
import { currentPosition } from '../../api/field-uploads'
import { useT } from '../../i18n'

// MapLibre stays in its lazy chunk: the map opens only when the inspector asks for it.
const PinMap = lazy(() => import('./pin-map'))

export type ReportLocation = { lngLat: [number, number]; source: 'gps' | 'map' }

type LocationFieldProps = {
  value: ReportLocation | null
  onChange: (location: ReportLocation) => void
  error?: string
}

/** Where the case is: the phone's GPS fix, or a pin on the offline map (or both: GPS, then adjust). */
export function LocationField({ value, onChange, error }: LocationFieldProps) {
  const t = useT()
  const [locating, setLocating] = useState(false)
  const [gpsFailed, setGpsFailed] = useState(false)
  const [mapOpen, setMapOpen] = useState(false)

  const locate = async () => {
    setLocating(true)
    setGpsFailed(false)
    const position = await currentPosition()
    setLocating(false)
    if (position) onChange({ lngLat: [position.lng, position.lat], source: 'gps' })
    else setGpsFailed(true)
  }

  return (
    <fieldset
      className="location-field"
      aria-describedby={error ? 'report-location-error' : undefined}
    >
      <legend className="co-field__label">{t('report.location')}</legend>
      <div className="location-field__buttons">
        <Button
          className="field-button"
          onClick={() => void locate()}
          disabled={locating}
          data-testid="report-gps"
        >
          {locating ? t('report.locating') : t('report.useGps')}
        </Button>
        <Button
          className="field-button"
          aria-expanded={mapOpen}
          onClick={() => setMapOpen((open) => !open)}
          data-testid="report-map-toggle"
        >
          {mapOpen ? t('report.closeMap') : t('report.pickOnMap')}
        </Button>
      </div>
      {gpsFailed ? (
        <p className="co-field__error" role="alert">
          {t('report.gpsFailed')}
        </p>
      ) : null}
      <p className="field-hint" data-testid="report-location">
        {value
          ? t(value.source === 'gps' ? 'report.fromGps' : 'report.fromMap', {
              lng: value.lngLat[0].toFixed(5),
              lat: value.lngLat[1].toFixed(5),
            })
          : t('report.noLocation')}
      </p>
      {mapOpen ? (
        <Suspense fallback={<LoadingState label={t('map.loading')} />}>
          <p className="field-hint">{t('report.mapHint')}</p>
          <PinMap
            pin={value?.lngLat ?? null}
            onPin={(lngLat) => onChange({ lngLat, source: 'map' })}
          />
        </Suspense>
      ) : null}
      {error ? (
        <p id="report-location-error" className="co-field__error">
          {error}
        </p>
      ) : null}
    </fieldset>
  )
}
