import { useEffect, useRef, useState } from 'react'
import { useT } from '../../i18n'
import { mountPinMap } from '../../map/mount-pin-map'
import type { PinMapController } from '../../map/mount-pin-map'
import { useAppStore } from '../../stores/app-store'

type PinMapProps = {
  pin: [number, number] | null
  onPin: (lngLat: [number, number]) => void
}

/** The lazily loaded map for placing the report's pin (default export for `lazy`). */
export default function PinMap({ pin, onPin }: PinMapProps) {
  const t = useT()
  const theme = useAppStore((s) => s.theme)
  const locale = useAppStore((s) => s.locale)
  const node = useRef<HTMLDivElement>(null)
  const controller = useRef<PinMapController | null>(null)
  const onPinRef = useRef(onPin)
  const tapped = useRef<[number, number] | null>(null)
  const [failure, setFailure] = useState<string | null | undefined>(undefined)
  useEffect(() => {
    onPinRef.current = onPin
  })
  const initialPin = useRef(pin)

  useEffect(() => {
    if (!node.current) return
    const mounted = mountPinMap(node.current, {
      theme,
      locale,
      label: t('report.mapLabel'),
      pin: initialPin.current,
      onPin: (at) => {
        tapped.current = at
        onPinRef.current(at)
      },
      onFailure: setFailure,
    })
    controller.current = mounted
    return () => {
      controller.current = null
      mounted.destroy()
    }
    // Theme and language are read once: the picker is open for a minute, not a shift.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  // A GPS fix taken while the map is open moves the pin (and the view) there; a tap on the map
  // has placed the pin already and leaves the view where the person put it.
  useEffect(() => {
    if (pin && pin !== tapped.current) controller.current?.setPin(pin)
  }, [pin])

  if (failure !== undefined) {
    return (
      <p className="co-field__error" role="alert">
        {failure === null
          ? t('map.unavailableWebgl')
          : t('map.unavailableLoad', { message: failure })}
      </p>
    )
  }
  return <div ref={node} className="pin-map" data-testid="report-map" />
}
