import type { IncomingMessage, Server as HttpServer } from 'node:http'
import {
  HandshakeAuth,
  userActor,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type UserActor,
} from '@cityops/domain'
import { Server, type ServerOptions, type Socket } from 'socket.io'
import type { EventPump } from '../live/event-pump'
import { LiveFanout } from './live-fanout'
import { serveSubscriptions } from './live-subscriptions'
import type { Database } from '../db/client'
import { SESSION_COOKIE } from '../http/session-cookie'
import { resolveSession } from '../services/auth/sessions'
import { sessionRoom, userRoom, type LiveHub } from './live-hub'

export interface SocketData {
  actor: UserActor
  sessionIdHash: string
}

export type LiveSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>

export interface SocketServerOptions {
  db: Database
  pump: EventPump
  clock: () => Date
  allowedOrigins: readonly string[]
  hub: LiveHub
  /** The Redis Streams adapter when several nodes serve together (REDIS_URL). */
  adapter?: ServerOptions['adapter']
}

/**
 * Attaches socket.io to the HTTP server. A connection needs an allowed Origin (when a browser
 * sends one) and a live session cookie; it joins its session's and user's rooms so that
 * logout and deactivation can disconnect it.
 */
export function attachSocketServer(httpServer: HttpServer, options: SocketServerOptions) {
  const io = new Server<
    ClientToServerEvents,
    ServerToClientEvents,
    Record<string, never>,
    SocketData
  >(httpServer, {
    serveClient: false,
    ...(options.adapter ? { adapter: options.adapter } : {}),
    // Browsers always send Origin cross-site and on WebSockets; a request without one is not
    // a browser being abused, and it still needs a valid session cookie below.
    allowRequest: (req, callback) => callback(null, isAllowedOrigin(req, options.allowedOrigins)),
  })
  io.use(async (socket, next) => {
    if (!HandshakeAuth.safeParse(socket.handshake.auth ?? {}).success) {
      return next(
        Object.assign(new Error('invalid auth: since must be a whole number ≥ 0'), {
          data: { reason: 'badSince' },
        }),
      )
    }
    const token = readCookie(socket.request.headers.cookie, SESSION_COOKIE)
    const found = token ? await resolveSession(options.db, token, options.clock()) : null
    if (!found || found.status !== 'active') {
      return next(
        Object.assign(new Error('unauthenticated'), {
          data: { reason: found?.status ?? 'noCookie' },
        }),
      )
    }
    socket.data = { actor: userActor(found.user), sessionIdHash: found.session.idHash }
    await socket.join([sessionRoom(found.session.idHash), userRoom(found.user.id)])
    return next()
  })
  // Shared streams broadcast to this node's sockets only: every node reads the log itself.
  const fanout = new LiveFanout({
    pump: options.pump,
    roomEmit: (room, batch) => io.local.to(room).emit('events', batch),
  })
  io.on('connection', (socket) => {
    const since = HandshakeAuth.parse(socket.handshake.auth ?? {}).since ?? null
    serveSubscriptions(socket, options.db, fanout, since)
  })
  options.hub.attach(io as unknown as Server)
  return io
}

function isAllowedOrigin(req: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = req.headers.origin
  if (!origin) return true
  const host = req.headers.host
  return (
    (host !== undefined && (origin === `http://${host}` || origin === `https://${host}`)) ||
    allowed.includes(origin)
  )
}

function readCookie(header: string | undefined, name: string): string | null {
  for (const part of header?.split(';') ?? []) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return decodeURIComponent(rest.join('='))
  }
  return null
}
