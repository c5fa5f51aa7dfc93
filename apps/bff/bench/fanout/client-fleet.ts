import type { LiveEvent, LiveTopic } from '@cityops/domain'
import { io, type Socket } from 'socket.io-client'
import { serveRequests } from '../support/ipc'
import { LatencyHistogram } from './histogram'
import { FleetRequest, type FleetResult } from './messages'
import { nowMs, sentAtOf } from './payloads'

// Child process: N socket.io clients (websocket transport, one connection each) that record,
// per measured window, which seqs each client received and the write→receipt latency.

interface Window {
  base: number
  capacity: number
  /** received count per (client, seq - base - 1), saturating at 255 */
  counts: Uint8Array
  histogram: LatencyHistogram
  /** latency of the first event of each batch: it waited the whole batching delay */
  firstInBatch: LatencyHistogram
  batches: number
  stray: number
  delivered: number
  cpu: NodeJS.CpuUsage
  startedAt: number
}

const sockets: Socket[] = []
let disconnects = 0
let window: Window | null = null

function record(client: number, batch: LiveEvent[]) {
  const now = nowMs()
  const w = window
  if (!w || !Array.isArray(batch)) return
  const first = batch[0]
  if (first) {
    w.batches += 1
    w.firstInBatch.add(now - sentAtOf(first))
  }
  for (const event of batch) {
    const slot = event.seq - w.base - 1
    if (slot < 0 || slot >= w.capacity) {
      w.stray += 1
      continue
    }
    const i = client * w.capacity + slot
    w.counts[i] = Math.min(255, (w.counts[i] ?? 0) + 1)
    w.delivered += 1
    w.histogram.add(now - sentAtOf(event))
  }
}

function connectOne(url: string, cookie: string, topics: LiveTopic[]): Promise<void> {
  const client = sockets.length
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: 30_000,
    extraHeaders: cookie ? { cookie, origin: url } : { origin: url },
  })
  sockets.push(socket)
  socket.on('events', (batch: LiveEvent[]) => record(client, batch))
  socket.on('disconnect', () => {
    disconnects += 1
  })
  return new Promise((resolve, reject) => {
    socket.once('connect_error', reject)
    socket.once('connect', () => {
      if (topics.length === 0) return resolve()
      socket
        .timeout(30_000)
        .emitWithAck('subscribe', { topics })
        .then((ack: { ok: boolean; error?: string }) =>
          ack.ok ? resolve() : reject(new Error(`subscribe refused: ${ack.error}`)),
        )
        .catch(reject)
    })
  })
}

async function connectAll(m: Extract<FleetRequest, { kind: 'connect' }>) {
  const started = nowMs()
  let connected = 0
  let firstError: string | null = null
  for (let i = 0; i < m.clients; i += m.concurrency) {
    const wave = Math.min(m.concurrency, m.clients - i)
    const outcomes = await Promise.allSettled(
      Array.from({ length: wave }, (_, j) =>
        connectOne(m.url, m.cookies[(i + j) % m.cookies.length] ?? '', m.topics),
      ),
    )
    for (const o of outcomes) {
      if (o.status === 'fulfilled') connected += 1
      else firstError ??= String(o.reason)
    }
  }
  return {
    kind: 'connected',
    connected,
    failed: m.clients - connected,
    ms: nowMs() - started,
    firstError,
  }
}

function endWindow(expected: number): FleetResult {
  const w = window
  window = null
  if (!w) throw new Error('end without begin')
  // seqs past the window's capacity were counted as stray: for every client they are lost
  let lost = Math.max(0, expected - w.capacity) * sockets.length
  let duplicated = 0
  for (let c = 0; c < sockets.length; c++) {
    for (let s = 0; s < Math.min(expected, w.capacity); s++) {
      const n = w.counts[c * w.capacity + s] ?? 0
      if (n === 0) lost += 1
      else duplicated += n - 1
    }
  }
  const cpu = process.cpuUsage(w.cpu)
  return {
    kind: 'result',
    clients: sockets.length,
    delivered: w.delivered,
    lost,
    duplicated,
    stray: w.stray,
    disconnects,
    latency: w.histogram.summary(),
    firstInBatch: w.firstInBatch.summary(),
    batches: w.batches,
    cpuMs: (cpu.user + cpu.system) / 1000,
    wallMs: nowMs() - w.startedAt,
  }
}

serveRequests(FleetRequest, async (m) => {
  switch (m.kind) {
    case 'connect':
      return connectAll(m)
    case 'begin':
      window = {
        base: m.base,
        capacity: m.capacity,
        counts: new Uint8Array(sockets.length * m.capacity),
        histogram: new LatencyHistogram(),
        firstInBatch: new LatencyHistogram(),
        batches: 0,
        stray: 0,
        delivered: 0,
        cpu: process.cpuUsage(),
        startedAt: nowMs(),
      }
      return { kind: 'ok' }
    case 'progress':
      return { kind: 'progress', delivered: window?.delivered ?? 0 }
    case 'end':
      return endWindow(m.expected)
    case 'close':
      for (const s of sockets) s.close()
      setTimeout(() => process.exit(0), 200)
      return { kind: 'ok' }
  }
})
