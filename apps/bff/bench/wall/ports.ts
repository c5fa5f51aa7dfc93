import { createServer, type Server } from 'node:net'

/** The port a listening server got (0 if it is not listening on TCP). */
export function portOf(server: Pick<Server, 'address'>): number {
  const address = server.address()
  return typeof address === 'object' && address ? address.port : 0
}

/** A port that was free a moment ago (the OS picks it; we close before handing it on). */
export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1')
  await new Promise((resolve) => probe.once('listening', resolve))
  const port = portOf(probe)
  await new Promise((resolve) => probe.close(resolve))
  return port
}
