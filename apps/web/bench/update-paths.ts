import type { LiveEvent } from '@cityops/domain'
import type { Map as MapLibreMap } from 'maplibre-gl'
import { LayerState, type LayerSnapshot } from '../src/live/layer-state'
import { LiveFeed } from '../src/live/live-feed'
import { syncLiveSources } from '../src/map/live-source-sync'
import { asLiveSocket, FakeLiveSocket } from './fake-socket'
import { unitsSource } from './b2-map'

export type PathName = 'ours' | 'naive'

/** Where the bench's socket messages go; `layer` is the state the path keeps. */
export interface UpdatePath {
  deliver: (batch: LiveEvent[]) => void
  layer: LayerState
  stop: () => void
}

/**
 * Ours: the wall's real code — LiveFeed (snapshot, then socket batches applied to LayerState,
 * one frame per animation frame) and syncLiveSources (one `updateData` per source per frame).
 * Only the socket is fake.
 */
export async function oursPath(map: MapLibreMap, snapshot: LayerSnapshot): Promise<UpdatePath> {
  const socket = new FakeLiveSocket()
  const feed = new LiveFeed({
    topics: ['units'],
    fetchSnapshot: () => Promise.resolve(snapshot),
    openSocket: () => asLiveSocket(socket),
  })
  const sync = syncLiveSources(map, feed)
  await feed.start()
  socket.connect()
  return {
    deliver: (batch) => socket.deliver(batch),
    layer: feed.layers.units,
    stop: () => {
      sync.stop()
      feed.stop()
    },
  }
}

/** The baseline: the same state and reducer, but `setData(whole collection)` for every event. */
export function naivePath(map: MapLibreMap, snapshot: LayerSnapshot): UpdatePath {
  const layer = new LayerState('units')
  layer.load(snapshot)
  const source = unitsSource(map)
  void source.setData(layer.collection())
  return {
    deliver: (batch) => {
      for (const event of batch) {
        layer.apply(event)
        void source.setData(layer.collection())
      }
    },
    layer,
    stop: () => undefined,
  }
}
