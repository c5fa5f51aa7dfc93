import { Button } from '@cityops/ui'
import { useT } from '../../../i18n'
import { formatBeijing } from './beijing-time'
import { STEP_UNITS, stepWindow } from './steps'
import type { StepGrid, StepUnit } from './steps'
import type { TimeMachineFrame } from './types'
import { SPEEDS } from './use-player'
import type { Player } from './use-player'

type PlayerControlsProps = {
  grid: StepGrid
  unit: StepUnit
  onUnit: (unit: StepUnit) => void
  player: Player
  frame: TimeMachineFrame | null
}

export function PlayerControls({ grid, unit, onUnit, player, frame }: PlayerControlsProps) {
  const t = useT()
  const { index, isPlaying } = player
  const last = grid.count - 1
  const isLive = index === null
  const timeText = frame ? formatBeijing(frame.at) : t('tm.isLive')
  const valueText = isLive
    ? t('tm.isLive')
    : formatBeijing(new Date(stepWindow(grid, index).toMs).toISOString())

  return (
    <div className="tt-tm__body">
      <div className="tt-tm__now">
        <output className="tt-tm__time" data-testid="tm-current-time" aria-live="polite">
          {timeText}
        </output>
        {frame ? (
          <span className="tt-muted">
            {t('tm.window', {
              from: formatBeijing(frame.windowFrom),
              to: formatBeijing(frame.windowTo),
            })}
            {' · '}
            {t('tm.stepCount', { index: (index ?? 0) + 1, count: grid.count })}
          </span>
        ) : null}
        {frame ? <span className="tt-tm__counts">{stepCounts(frame, t)}</span> : null}
      </div>
      <input
        type="range"
        className="tt-tm__scrubber"
        data-testid="tm-scrubber"
        aria-label={t('tm.scrubber')}
        aria-valuetext={valueText}
        min={0}
        max={Math.max(0, last)}
        step={1}
        value={index ?? Math.max(0, last)}
        disabled={grid.count === 0}
        onChange={(e) => player.seek(Number(e.currentTarget.value))}
      />
      <div className="tt-tm__controls" role="group" aria-label={t('tm.controls')}>
        <Button
          data-testid="tm-step-back"
          onClick={() => player.stepBy(-1)}
          disabled={grid.count === 0 || index === 0}
        >
          ◀ {t('tm.stepBack')}
        </Button>
        <Button
          variant="primary"
          data-testid="tm-play"
          aria-pressed={isPlaying}
          onClick={player.togglePlay}
          disabled={grid.count === 0}
        >
          {isPlaying ? `❚❚ ${t('tm.pause')}` : `▶ ${t('tm.play')}`}
        </Button>
        <Button
          data-testid="tm-step-forward"
          onClick={() => player.stepBy(1)}
          disabled={isLive || index >= last}
        >
          {t('tm.stepForward')} ▶
        </Button>
        <Choice
          label={t('tm.speed')}
          options={SPEEDS.map((s) => ({ value: s, text: `${s}×` }))}
          value={player.speed}
          onChange={player.setSpeed}
        />
        <Choice
          label={t('tm.unit')}
          options={STEP_UNITS.map((u) => ({
            value: u,
            text: t(u === 'hour' ? 'tm.unitHour' : 'tm.unitDay'),
          }))}
          value={unit}
          onChange={onUnit}
        />
        <Button data-testid="tm-live" onClick={player.goLive} disabled={isLive}>
          {t('tm.live')}
        </Button>
      </div>
    </div>
  )
}

function stepCounts(frame: TimeMachineFrame, t: ReturnType<typeof useT>): string {
  const count = (kind: string) => frame.items.filter((i) => i.kind === kind).length
  return t('tm.stepItems', {
    incidents: count('incident.reported'),
    cases: count('case.reported'),
    decisions: count('decision'),
  })
}

function Choice<V extends string | number>(props: {
  label: string
  options: { value: V; text: string }[]
  value: V
  onChange: (value: V) => void
}) {
  return (
    <span className="tt-choice" role="group" aria-label={props.label}>
      <span className="tt-choice__label" aria-hidden="true">
        {props.label}
      </span>
      {props.options.map((o) => (
        <button
          key={o.value}
          type="button"
          className="tt-choice__option"
          aria-pressed={o.value === props.value}
          onClick={() => props.onChange(o.value)}
        >
          {o.text}
        </button>
      ))}
    </span>
  )
}
