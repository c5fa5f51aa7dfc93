import type { Map as MapLibreMap } from 'maplibre-gl'
import { createBenchMap, drawnUnits, nextIdle, unitsSource, webglRenderer } from './b2-map'
import { runStream, type StreamStats } from './event-stream'
import { countMapFrames, longTasksBetween, observeLongTasks, type Span } from './page-metrics'
import { syntheticUnits } from './synthetic-units'
import { naivePath, oursPath, type PathName, type UpdatePath } from './update-paths'

// B2's page (apps/bff/bench/wall/b2-*.ts drives it): one live units source of `features`
// points, `rate` events/s through our update path or the naive baseline. Read by the bench
// through window.__b2; nothing here measures main-thread time, the bench does that over CDP.

observeLongTasks()

export interface B2Params {
  path: PathName
  features: number
  rate: number
  messagesPerSecond: number
  warmupSeconds: number
  seconds: number
  settleMs: number
  seed: number
}

export interface B2PageResult extends StreamStats {
  longTasks: Span[]
  frames: number
  maxFrameGapMs: number
}

interface Run {
  map: MapLibreMap
  path: UpdatePath
  params: B2Params
  events: ReturnType<typeof syntheticUnits>['events']
  warmedUp?: Promise<number>
  finished?: Promise<B2PageResult>
}

let run: Run | null = null

const current = (): Run => {
  if (!run) throw new Error('call setup first')
  return run
}

async function setup(params: B2Params) {
  const total = Math.round(params.rate * (params.warmupSeconds + params.seconds))
  const { snapshot, events } = syntheticUnits(params.features, total, params.seed)
  const container = document.getElementById('map')
  if (!container) throw new Error('no #map')
  const map = await createBenchMap(container)
  const path = params.path === 'ours' ? await oursPath(map, snapshot) : naivePath(map, snapshot)
  await nextIdle(map)
  await nextIdle(map)
  run = { map, path, params, events }
  return { drawn: drawnUnits(map), events: events.length, renderer: webglRenderer() }
}

function start() {
  const r = current()
  const { rate, messagesPerSecond, warmupSeconds, settleMs } = r.params
  const warmupEvents = Math.round(rate * warmupSeconds)
  const frames = countMapFrames(r.map)
  const plan = { rate, messagesPerSecond, warmupEvents, settleMs }
  const stream = runStream(r.events, plan, r.path.deliver)
  r.warmedUp = stream.warmedUp
  r.finished = stream.finished.then((stats) => {
    frames.stop()
    const f = frames.between(stats.windowStart, stats.windowEnd)
    const longTasks = longTasksBetween(stats.windowStart, stats.windowEnd)
    return { ...stats, longTasks, frames: f.frames, maxFrameGapMs: f.maxGapMs }
  })
}

/** After the window: does the source hold what the state holds (the last event's position)? */
async function verify() {
  const r = current()
  await nextIdle(r.map)
  const last = r.events.at(-1)
  const data = await unitsSource(r.map).getData()
  const features = data.type === 'FeatureCollection' ? data.features : []
  const drawn = features.find((f: (typeof features)[number]) => f.properties?.id === last?.id)
  const expected = last ? r.path.layer.features.get(last.id)?.geometry.coordinates : undefined
  return {
    sourceFeatures: features.length,
    isLastEventInSource:
      !!drawn &&
      JSON.stringify(drawn.geometry) === JSON.stringify({ type: 'Point', coordinates: expected }),
    pageLongTasks: longTasksBetween(0, performance.now()),
  }
}

declare global {
  interface Window {
    __b2?: {
      setup: typeof setup
      start: typeof start
      warmedUp: () => Promise<number>
      finished: () => Promise<B2PageResult>
      verify: typeof verify
    }
  }
}

window.__b2 = {
  setup,
  start,
  warmedUp: () => current().warmedUp ?? Promise.reject(new Error('not started')),
  finished: () => current().finished ?? Promise.reject(new Error('not started')),
  verify,
}
