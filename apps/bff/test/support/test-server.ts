import type { Server as HttpServer } from 'node:http'
import { createAdaptorServer } from '@hono/node-server'
import type { DatabaseHandle } from '../../src/db/client'
import { listen } from '../../src/http/listen'
import { EventPump } from '../../src/live/event-pump'
import { attachSocketServer } from '../../src/realtime/socket-server'
import { testApp } from './test-app'

/** The real HTTP + socket.io server on a free port, as main.ts wires it. */
export async function startTestServer(database: DatabaseHandle) {
  const env = testApp(database)
  const server = createAdaptorServer({ fetch: env.app.fetch }) as HttpServer
  const pump = new EventPump(database)
  await pump.start()
  const io = attachSocketServer(server, {
    db: database.db,
    pump,
    clock: env.deps.clock,
    allowedOrigins: ['https://wall.example'],
    hub: env.deps.live,
  })
  const port = await listen(server, 0, '127.0.0.1')
  return {
    ...env,
    url: `http://127.0.0.1:${port}`,
    pump,
    close: async () => {
      await pump.stop()
      await new Promise<void>((resolve) => io.close(() => resolve()))
    },
  }
}
