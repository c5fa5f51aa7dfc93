import { THEME_TOKENS } from '@cityops/ui'
import { useMemo } from 'react'
import type { CaseItem } from '../../api/cases'
import type { DeskPoint } from '../../map/desk-points'
import { useAppStore } from '../../stores/app-store'
import { OperationsMap } from '../map/operations-map'

type Props = {
  items: readonly CaseItem[]
  selectedId: string
  onSelect: (id: string) => void
}

/** The queue's cases on the city map, coloured by their clock; the open case is ringed. */
export default function DispatchMap({ items, selectedId, onSelect }: Props) {
  const theme = useAppStore((s) => s.theme)
  const points = useMemo<DeskPoint[]>(() => {
    const c = THEME_TOKENS[theme].color
    return items.map((item) => ({
      id: item.id,
      coordinates: item.location.coordinates,
      color: item.sla?.overdue
        ? c.danger
        : item.sla?.breachSoon
          ? c.warn
          : item.sla || item.deadline
            ? c.accent
            : c.textMuted,
      ringColor: c.text,
      isSelected: item.id === selectedId,
    }))
  }, [items, selectedId, theme])
  const selected = items.find((i) => i.id === selectedId)
  // Numbers, so a refetch of the same case does not move the camera again.
  const [lng, lat] = selected?.location.coordinates ?? []
  const flyTo = useMemo(
    () =>
      lng !== undefined && lat !== undefined
        ? { center: [lng, lat] as [number, number], zoom: 13 }
        : null,
    [lng, lat],
  )
  return (
    <div className="dispatch-map" data-testid="dispatch-map">
      <OperationsMap deskPoints={points} onDeskPointClick={onSelect} flyTo={flyTo} />
    </div>
  )
}
