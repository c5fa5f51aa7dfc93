import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { io as connect, type Socket } from 'socket.io-client'
import { loginOverHttp } from './support/sessions'
import { createTestDatabase, type TestDatabase } from './support/test-databases'
import { startTestServer } from './support/test-server'

let t: TestDatabase
let server: Awaited<ReturnType<typeof startTestServer>>
const sockets: Socket[] = []

beforeAll(async () => {
  t = await createTestDatabase('pglite')
  server = await startTestServer(t.handle)
})
afterAll(async () => {
  for (const s of sockets) s.close()
  await server?.close()
  await t?.dispose()
})

const login = (username: string) => loginOverHttp(server.url, username)

/** Resolves 'connected' or the refusal message; websocket only, as the wall uses it. */
function open(headers: Record<string, string>): Promise<{ outcome: string; socket: Socket }> {
  const socket = connect(server.url, {
    transports: ['websocket'],
    extraHeaders: headers,
    reconnection: false,
  })
  sockets.push(socket)
  return new Promise((resolve) => {
    socket.on('connect', () => resolve({ outcome: 'connected', socket }))
    socket.on('connect_error', (e) => resolve({ outcome: `refused: ${e.message}`, socket }))
  })
}

describe('socket.io handshake', () => {
  it('accepts a live session cookie from the app’s own or an allowed origin', async () => {
    const cookie = await login('operator')
    expect((await open({ cookie, origin: server.url })).outcome).toBe('connected')
    expect((await open({ cookie, origin: 'https://wall.example' })).outcome).toBe('connected')
  })

  it('refuses no cookie, an unknown cookie and a foreign origin', async () => {
    expect((await open({ origin: server.url })).outcome).toBe('refused: unauthenticated')
    expect((await open({ cookie: 'cityops_session=forged', origin: server.url })).outcome).toBe(
      'refused: unauthenticated',
    )
    const cookie = await login('operator')
    expect((await open({ cookie, origin: 'https://evil.example' })).outcome).toMatch(/^refused: /)
  })

  it('refuses an expired session and a logged-out session', async () => {
    const idle = await login('dispatcher')
    server.clock.now = new Date(server.clock.now.getTime() + 31 * 60_000)
    expect((await open({ cookie: idle, origin: server.url })).outcome).toBe(
      'refused: unauthenticated',
    )

    const cookie = await login('dispatcher')
    const out = await fetch(`${server.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie, origin: server.url },
    })
    expect(out.status).toBe(204)
    expect((await open({ cookie, origin: server.url })).outcome).toBe('refused: unauthenticated')
  })

  it('disconnects a live socket when its session logs out', async () => {
    const cookie = await login('leader')
    const other = await login('leader') // a second session of the same user stays connected
    const { socket } = await open({ cookie, origin: server.url })
    const { socket: survivor } = await open({ cookie: other, origin: server.url })
    const reason = new Promise<string>((resolve) => socket.on('disconnect', resolve))
    await fetch(`${server.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie, origin: server.url },
    })
    expect(await reason).toBe('io server disconnect')
    expect(survivor.connected).toBe(true)
  })
})
