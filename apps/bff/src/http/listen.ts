import { createServer, type Server } from 'node:http'
import { StartupError } from '../startup/startup-error'

/** Resolves with the bound port; a taken or forbidden port becomes a one-sentence error. */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new StartupError(
            `Port ${port} on ${host} is already in use: stop the other process or set PORT to a free port.`,
          ),
        )
      } else if (error.code === 'EACCES') {
        reject(
          new StartupError(
            `Not allowed to listen on port ${port}: choose a PORT above 1023 or run with the needed rights.`,
          ),
        )
      } else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
        reject(
          new StartupError(
            `HOST ${host} is not an address of this machine: set HOST to 127.0.0.1, 0.0.0.0 or one of its addresses.`,
          ),
        )
      } else {
        reject(error)
      }
    }
    server.once('error', onError)
    server.listen(port, host, () => {
      server.off('error', onError)
      const address = server.address()
      resolve(typeof address === 'object' && address ? address.port : port)
    })
  })
}

/** Fails fast on a taken port, before the database spends seconds starting up. */
export async function assertPortFree(port: number, host: string): Promise<void> {
  if (port === 0) return
  const probe = createServer()
  await listen(probe, port, host)
  await new Promise((resolve) => probe.close(resolve))
}
