import { useEffect, useEffectEvent, useState } from 'react'
import { clampStep } from './steps'
import type { StepGrid } from './steps'

export const SPEEDS = [1, 2, 4] as const
export type Speed = (typeof SPEEDS)[number]

/** One step a second at 1×: a day of hours replays in 24 s, a month of days in 30 s. */
export const STEP_INTERVAL_MS = 1000

export type Player = {
  /** The step shown; null = live (nothing replayed). */
  index: number | null
  isPlaying: boolean
  speed: Speed
  setSpeed: (speed: Speed) => void
  togglePlay: () => void
  stepBy: (delta: number) => void
  seek: (index: number | null) => void
  goLive: () => void
}

/** Play, pause, step and seek over a grid of steps; live is "after the last step". */
export function usePlayer(grid: StepGrid): Player {
  const [index, setIndex] = useState<number | null>(null)
  const [isPlaying, setPlaying] = useState(false)
  const [speed, setSpeed] = useState<Speed>(1)
  const last = grid.count - 1

  // The last step stays on screen for one interval, then playing stops there.
  const onTick = useEffectEvent(() => {
    if (index !== null && index >= last) return setPlaying(false)
    setIndex((i) => clampStep(grid, i === null ? 0 : i + 1))
  })

  useEffect(() => {
    if (!isPlaying) return
    const timer = window.setInterval(onTick, STEP_INTERVAL_MS / speed)
    return () => window.clearInterval(timer)
  }, [isPlaying, speed])

  const seek = (to: number | null) => {
    setPlaying(false)
    setIndex(to === null ? null : clampStep(grid, to))
  }

  return {
    index,
    isPlaying,
    speed,
    setSpeed,
    togglePlay: () => {
      if (isPlaying) return setPlaying(false)
      if (grid.count === 0) return
      // From live or the end, a replay starts at the beginning of the range.
      if (index === null || index >= last) setIndex(0)
      setPlaying(true)
    },
    // From live, "back" is the last step (live is just after it); "forward" stays live.
    stepBy: (delta) => {
      if (index === null && delta > 0) return
      seek((index ?? grid.count) + delta)
    },
    seek,
    goLive: () => seek(null),
  }
}
