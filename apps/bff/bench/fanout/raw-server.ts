import { createServer } from 'node:http'
import type { LiveEvent } from '@cityops/domain'
import { Server } from 'socket.io'
import { serveRequests } from '../support/ipc'
import { runPaced } from '../support/pace'
import { RawRequest } from './messages'
import { benchStationCode, envReadingEvent, nowMs, probeEvent } from './payloads'

// Child process: the baseline. A bare socket.io server that broadcasts each event with one
// `io.emit` (no auth, no database, no per-client work), at the rate the runner asks for.

const httpServer = createServer()
const io = new Server<Record<string, never>, { events: (batch: LiveEvent[]) => void }>(httpServer, {
  serveClient: false,
})

async function run(m: Extract<RawRequest, { kind: 'run' }>) {
  const paced = await runPaced(m.rate, m.seconds, (i) => {
    const seq = i + 1
    const sentAt = nowMs()
    const event =
      m.payload === 'probe'
        ? probeEvent(seq, sentAt)
        : envReadingEvent(seq, benchStationCode(i % m.stations), sentAt)
    io.emit('events', [event])
  })
  return { kind: 'ran', events: paced.ticks, startedAt: paced.startedAt, endedAt: paced.endedAt }
}

serveRequests(RawRequest, async (m) => {
  if (m.kind === 'run') return run(m)
  io.close()
  setTimeout(() => process.exit(0), 200)
  return { kind: 'ok' }
})

httpServer.listen(0, '127.0.0.1', () => {
  const address = httpServer.address()
  const port = typeof address === 'object' && address ? address.port : 0
  process.send?.({ kind: 'listening', port })
})
