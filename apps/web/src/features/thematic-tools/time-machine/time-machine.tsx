import { Button, ErrorState, LoadingState } from '@cityops/ui'
import { useEffect, useEffectEvent } from 'react'
import { useT } from '../../../i18n'
import '../thematic-tools.css'
import { ReplayPlayer } from './replay-player'
import type { TimeMachineProps } from './types'
import { useReplay } from './use-replay'

/**
 * Replays [from, to) step by step for the map (onFrame) beside the decision log. Loads every
 * replay page first: scrubbing must not wait for the network.
 */
export function TimeMachine({ from, to, onFrame }: TimeMachineProps) {
  const t = useT()
  const replay = useReplay(from, to)
  const emit = useEffectEvent(onFrame)

  // A new range starts live: the map must not keep a frame from the old one while loading.
  useEffect(() => {
    emit(null)
  }, [from, to])

  if (replay.status === 'loading') {
    return (
      <div className="tt-tm-layout" data-testid="time-machine" aria-busy="true">
        <div className="tt-tm-loading">
          <LoadingState label={t('tm.loading', { pages: replay.pages, items: replay.items })} />
          <progress className="tt-progress" max={1} value={replay.progress} />
        </div>
      </div>
    )
  }
  if (replay.status === 'error') {
    return (
      <div className="tt-tm-layout" data-testid="time-machine">
        <ErrorState
          title={t('tm.loadFailed', { message: replay.error.message })}
          action={<Button onClick={replay.retry}>{t('tm.retry')}</Button>}
        />
      </div>
    )
  }
  return (
    <ReplayPlayer
      key={`${from}|${to}`}
      from={from}
      to={to}
      items={replay.items}
      onFrame={onFrame}
    />
  )
}
