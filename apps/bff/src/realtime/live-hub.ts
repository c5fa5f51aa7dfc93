import type { Server } from 'socket.io'

/**
 * What services and routes may ask of the live layer, without importing socket.io. Before a
 * socket server is attached (tests through app.request, CLI tools) there is nobody to tell.
 */
export interface LiveHub {
  /** Disconnect every socket opened with these sessions, on every node (through the adapter). */
  disconnectSessions(sessionIdHashes: readonly string[]): void
  attach(io: Server): void
}

export const sessionRoom = (idHash: string) => `session:${idHash}`
export const userRoom = (userId: string) => `user:${userId}`

export function createLiveHub(): LiveHub {
  let io: Server | null = null
  return {
    attach(server) {
      io = server
    },
    disconnectSessions(ids) {
      if (io && ids.length > 0) io.in(ids.map(sessionRoom)).disconnectSockets(true)
    },
  }
}
