import { createAdapter } from '@socket.io/redis-streams-adapter'
import { createClient } from 'redis'
import { StartupError } from '../startup/startup-error'

/**
 * socket.io's Redis Streams adapter, for socket operations across BFF nodes (a logout on one
 * node disconnects that session's sockets on all of them). Events never travel through it:
 * every node reads the database log itself, so a Redis outage delays no event and loses none.
 */
export async function connectRedisAdapter(url: string, log: (m: string) => void) {
  const client = createClient({
    url,
    socket: { connectTimeout: 5000, reconnectStrategy: (retries) => Math.min(retries * 200, 2000) },
  })
  let reported = false
  client.on('error', (error: Error) => {
    if (!reported)
      log(`Redis unreachable (${error.message}); live events continue from the database`)
    reported = true
  })
  client.on('ready', () => {
    if (reported) log('Redis reachable again')
    reported = false
  })
  try {
    await client.connect()
  } catch (error) {
    await client.destroy()
    const where = new URL(url).host
    throw new StartupError(
      `Cannot reach Redis at ${where} (${(error as Error).message}): start it or correct REDIS_URL.`,
    )
  }
  return { adapter: createAdapter(client), close: () => client.close() }
}
