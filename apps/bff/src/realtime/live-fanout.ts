import {
  LIVE_TOPIC_PERMISSIONS,
  listScope,
  type Actor,
  type Bbox,
  type LiveEvent,
  type LiveTopic,
} from '@cityops/domain'
import type { EventPump } from '../live/event-pump'
import type { StoredEvent } from '../live/append-events'
import { ClientStream, isVisible } from './client-stream'

/**
 * What a subscription lets a client see. Two clients with the same key see exactly the same
 * events (same topics, same department scope per topic, same bbox), so they can share one
 * stream.
 */
export interface LiveView {
  key: string
  filter: (e: StoredEvent) => boolean
}

export function liveView(actor: Actor, topics: readonly LiveTopic[], bbox: Bbox | null): LiveView {
  const sorted = [...new Set(topics)].sort()
  const scopes = sorted.map((t) => {
    const scope = listScope(actor, LIVE_TOPIC_PERMISSIONS[t])
    return scope.kind === 'departments'
      ? `${t}:${[...scope.codes].sort().join(',')}`
      : `${t}:${scope.kind}`
  })
  const topicSet = new Set(sorted)
  return {
    key: JSON.stringify([scopes, bbox]),
    filter: (e) => isVisible(actor, topicSet, bbox, e),
  }
}

/** The part of a socket the fan-out needs (socket.io's Socket satisfies it). */
export interface FanoutSocket {
  emit(event: 'events', batch: LiveEvent[]): unknown
  join(room: string): unknown
  leave(room: string): unknown
}

/** Sends one batch to every socket of a room on this node, encoded once. */
export type RoomEmit = (room: string, batch: LiveEvent[]) => void

/** Where committed events come from, in seq order (the node's EventPump). */
export type LiveSource = Pick<EventPump, 'position' | 'subscribe'>

interface Options {
  pump: LiveSource
  roomEmit: RoomEmit
  pacing?: { perSecond?: number; burst?: number }
}

/**
 * Per-node fan-out. A client starts on a stream of its own (that is where replay after `since`
 * happens); once it is level with the shared stream of its view, it joins that group's room at
 * a batch boundary, and from then on each batch is filtered, coalesced and encoded once per
 * view instead of once per client — the difference between 1,000 JSON encodings per event
 * and one (docs/PERFORMANCE.md, B1).
 */
export class LiveFanout {
  private readonly groups = new Map<string, ViewGroup>()
  private nextRoom = 1

  constructor(private readonly options: Options) {}

  get pumpPosition() {
    return this.options.pump.position
  }

  /** A new client feed at `cursor` (the seq it has everything up to). */
  open(socket: FanoutSocket, view: LiveView, cursor: number): ClientFeed {
    return new ClientFeed(this, socket, view, cursor)
  }

  /** @internal */
  soloStream(socket: FanoutSocket, filter: LiveView['filter'], cursor: number) {
    const stream = new ClientStream(
      (batch) => socket.emit('events', batch),
      filter,
      cursor,
      this.options.pacing,
    )
    const off = this.options.pump.subscribe((events) => stream.offer(events))
    return { stream, off }
  }

  /** @internal */
  groupFor(view: LiveView): ViewGroup {
    let group = this.groups.get(view.key)
    if (!group) {
      const room = `live-view:${this.nextRoom++}`
      group = new ViewGroup(view, room, this.options, () => this.groups.delete(view.key))
      this.groups.set(view.key, group)
    }
    return group
  }

  /** How many shared streams this node runs (for tests and the health of the fan-out). */
  get groupCount() {
    return this.groups.size
  }
}

/** One view's shared stream: its batch goes to the room, once. */
class ViewGroup {
  readonly stream: ClientStream
  private readonly off: () => void
  readonly members = new Set<ClientFeed>()
  readonly joining = new Set<ClientFeed>()

  constructor(
    view: LiveView,
    readonly room: string,
    options: Options,
    private readonly onEmpty: () => void,
  ) {
    this.stream = new ClientStream(
      (batch) => this.send(batch, options.roomEmit),
      view.filter,
      options.pump.position,
      options.pacing,
    )
    this.off = options.pump.subscribe((events) => this.stream.offer(events))
  }

  // A joiner first sends what its own stream still holds (all of it at or below the group's
  // cursor), then enters the room after this batch: it gets every later batch, none twice.
  private send(batch: LiveEvent[], roomEmit: RoomEmit) {
    const ready = [...this.joining].filter((f) => f.levelWith(this))
    for (const feed of ready) feed.flushSolo()
    roomEmit(this.room, batch)
    for (const feed of ready) feed.enter(this)
  }

  release(feed: ClientFeed) {
    this.members.delete(feed)
    this.joining.delete(feed)
    if (this.members.size === 0 && this.joining.size === 0) {
      this.stream.close()
      this.off()
      this.onEmpty()
    }
  }
}

/**
 * One socket's place in the fan-out: on its own stream (new, replaying, or waiting for a
 * batch boundary) or a member of its view's group.
 */
export class ClientFeed {
  private solo: { stream: ClientStream; off: () => void } | null
  private group: ViewGroup | null = null
  private target: ViewGroup | null = null

  constructor(
    private readonly fanout: LiveFanout,
    private readonly socket: FanoutSocket,
    private view: LiveView,
    cursor: number,
  ) {
    this.solo = fanout.soloStream(socket, view.filter, cursor)
  }

  /** The seq up to which this client has been given (or skipped) every event. */
  get cursor() {
    return this.solo?.stream.cursor ?? this.group?.stream.cursor ?? 0
  }

  get shared() {
    return this.group !== null
  }

  /** Replay from the log happens on the client's own stream, with live events held back. */
  holdLive() {
    this.solo?.stream.holdLive()
  }

  replay(events: readonly StoredEvent[]) {
    this.solo?.stream.replay(events)
  }

  releaseLive(upTo: number) {
    this.solo?.stream.releaseLive(upTo)
  }

  /**
   * Changes the view. A group member leaves with the events the group had filtered for it but
   * not sent yet; later events are filtered by the new view.
   */
  changeView(view: LiveView) {
    if (view.key === this.view.key) return
    this.view = view
    if (this.group) {
      const owed = this.group.stream.pendingBatch()
      const cursor = this.group.stream.cursor
      this.socket.leave(this.group.room)
      this.group.release(this)
      this.group = null
      this.solo = this.fanout.soloStream(this.socket, view.filter, cursor)
      this.solo.stream.adopt(owed)
    } else {
      this.target?.release(this)
      this.target = null
      this.solo?.stream.setFilter(view.filter)
    }
  }

  /** Asks to move onto the shared stream; it happens now or at the group's next batch. */
  share() {
    if (this.group || !this.solo) return
    const group = this.fanout.groupFor(this.view)
    this.target = group
    if (group.stream.idle && this.levelWith(group)) {
      this.flushSolo()
      this.enter(group)
    } else group.joining.add(this)
  }

  /** @internal same cursor as the group and nothing held back: safe to switch. */
  levelWith(group: ViewGroup) {
    const s = this.solo?.stream
    return s !== undefined && s.cursor === group.stream.cursor && !s.holding
  }

  /** @internal */
  flushSolo() {
    if (!this.solo) return
    this.solo.stream.flush()
    this.solo.stream.close()
    this.solo.off()
    this.solo = null
  }

  /** @internal */
  enter(group: ViewGroup) {
    group.joining.delete(this)
    group.members.add(this)
    this.socket.join(group.room)
    this.group = group
    this.target = null
  }

  close() {
    this.solo?.stream.close()
    this.solo?.off()
    this.solo = null
    if (this.group) this.socket.leave(this.group.room)
    this.group?.release(this)
    this.target?.release(this)
    this.group = null
    this.target = null
  }
}
