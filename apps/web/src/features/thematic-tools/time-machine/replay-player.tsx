import type { ReplayItem } from '@cityops/domain'
import type { KeyboardEvent } from 'react'
import { useEffect, useEffectEvent, useMemo, useState } from 'react'
import { useT } from '../../../i18n'
import { DecisionLog } from './decision-log'
import { PlayerControls } from './player-controls'
import { decisionsUpTo, defaultStepUnit, frameAt, stepGrid, stepIndexOf, stepWindow } from './steps'
import type { StepUnit } from './steps'
import type { TimeMachineFrame } from './types'
import { usePlayer } from './use-player'

type ReplayPlayerProps = {
  from: string
  to: string
  /** Sorted oldest first. */
  items: ReplayItem[]
  onFrame: (frame: TimeMachineFrame | null) => void
}

export function ReplayPlayer({ from, to, items, onFrame }: ReplayPlayerProps) {
  const t = useT()
  const [unitChoice, setUnitChoice] = useState<StepUnit | null>(null)
  const unit = unitChoice ?? defaultStepUnit(from, to)
  // When the replay was opened: later steps have nothing in them yet.
  const [openedAt] = useState(() => Date.now())
  const grid = useMemo(() => stepGrid(from, to, unit, openedAt), [from, to, unit, openedAt])
  const player = usePlayer(grid)
  const { index } = player

  const frame = useMemo(
    () => (index === null ? null : frameAt(grid, items, index)),
    [grid, items, index],
  )
  const emit = useEffectEvent(onFrame)
  useEffect(() => {
    emit(frame)
  }, [frame])

  // Live shows the whole range: "now" is its end.
  const step = index === null ? { fromMs: grid.toMs, toMs: grid.toMs } : stepWindow(grid, index)
  const untilMs = index === null ? grid.toMs : step.toMs
  const decisions = useMemo(() => decisionsUpTo(items, untilMs), [items, untilMs])

  const changeUnit = (next: StepUnit) => {
    if (next === unit) return
    const nextGrid = stepGrid(from, to, next, openedAt)
    setUnitChoice(next)
    player.seek(index === null ? null : stepIndexOf(nextGrid, step.fromMs))
  }

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const target = event.target
    // Buttons and selects keep their own Space/Enter; the scrubber's keys are ours.
    if (target instanceof HTMLButtonElement || target instanceof HTMLSelectElement) return
    const action = KEY_ACTIONS[event.key]
    if (!action) return
    event.preventDefault()
    if (action === 'back') player.stepBy(-1)
    else if (action === 'forward') player.stepBy(1)
    else if (action === 'toggle') player.togglePlay()
    else if (action === 'first') player.seek(0)
    else player.seek(grid.count - 1)
  }

  return (
    <div className="tt-tm-layout">
      <section
        className="tt-tm"
        data-testid="time-machine"
        aria-labelledby="tt-tm-title"
        onKeyDown={onKeyDown}
      >
        <h3 id="tt-tm-title" className="tt-tm__title">
          {t('tm.title')}
        </h3>
        <PlayerControls grid={grid} unit={unit} onUnit={changeUnit} player={player} frame={frame} />
        {items.length === 0 ? <p className="tt-muted">{t('tm.empty')}</p> : null}
        <p className="tt-muted tt-tm__hint">{t('tm.keyboardHint')}</p>
      </section>
      <DecisionLog
        decisions={decisions}
        stepFromMs={step.fromMs}
        stepToMs={step.toMs}
        onSeek={(item) => player.seek(stepIndexOf(grid, Date.parse(item.at)))}
      />
    </div>
  )
}

const KEY_ACTIONS: Partial<Record<string, 'back' | 'forward' | 'toggle' | 'first' | 'last'>> = {
  ArrowLeft: 'back',
  ArrowRight: 'forward',
  ' ': 'toggle',
  Home: 'first',
  End: 'last',
}
