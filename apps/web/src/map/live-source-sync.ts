import { GeoJSONSource, type Map as MapLibreMap } from 'maplibre-gl'
import type { LiveFeed, LiveFrame } from '../live/live-feed'
import { MAP_TOPICS, type MapTopic } from '../live/live-feature'
import { LIVE_SOURCE_IDS } from './live-layers'

function sourceOf(map: MapLibreMap, topic: MapTopic): GeoJSONSource | null {
  const source = map.getSource(LIVE_SOURCE_IDS[topic])
  return source instanceof GeoJSONSource ? source : null
}

/**
 * Feeds the live layers' sources: the whole layer once (on attach, after a snapshot reload,
 * after a style swap), then per animation frame only the features that changed, through
 * `updateData` — one worker message per source per frame however many events arrived.
 */
export function syncLiveSources(map: MapLibreMap, feed: LiveFeed) {
  const setAll = () => {
    for (const topic of MAP_TOPICS) {
      const layer = feed.layers[topic]
      if (layer.loaded) void sourceOf(map, topic)?.setData(layer.collection())
    }
  }
  const hook = {
    drawnSeq: null as number | null,
    firstEventDrawnAt: null as number | null,
    hasFeature: (sourceId: string, id: string) =>
      map.querySourceFeatures(sourceId, { filter: ['==', ['get', 'id'], id] }).length > 0,
  }
  if (window.__cityops) window.__cityops.live = hook
  const apply = (frame: LiveFrame) => {
    for (const topic of MAP_TOPICS) {
      const changes = frame.layers[topic]
      const source = changes ? sourceOf(map, topic) : null
      if (!changes || !source) continue
      if (changes.reset) void source.setData(feed.layers[topic].collection())
      else void source.updateData({ add: changes.upserts, remove: changes.removes })
    }
    const last = frame.events.at(-1)
    if (last) {
      hook.drawnSeq = last.seq
      hook.firstEventDrawnAt ??= performance.now()
    }
  }
  setAll()
  const off = feed.onFrame(apply)
  // A full style load (external basemap) brings empty live sources: refill them.
  map.on('style.load', setAll)
  return {
    /** After a diffed style change (theme, language), which resets the sources' data. */
    refill: setAll,
    stop: () => {
      off()
      map.off('style.load', setAll)
    },
  }
}
