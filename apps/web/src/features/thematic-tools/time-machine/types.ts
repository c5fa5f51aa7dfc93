import type { ReplayItem } from '@cityops/domain'

/** What the map shows for one step of the replay: the items reported or decided in the step. */
export type TimeMachineFrame = {
  /** The step's end: the moment the frame shows the city at. */
  at: string
  windowFrom: string
  windowTo: string
  items: ReplayItem[]
}

export type TimeMachineProps = {
  from: string
  to: string
  /** A frame per step moved to; null when the user goes back to live. */
  onFrame: (frame: TimeMachineFrame | null) => void
}
