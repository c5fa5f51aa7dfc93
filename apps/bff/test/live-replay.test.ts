import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { appendEvents } from '../src/live/append-events'
import { LiveClient, settle } from './support/live-client'
import { loginOverHttp } from './support/sessions'
import { createTestDatabase, DRIVERS, type TestDatabase } from './support/test-databases'
import { startTestServer } from './support/test-server'

describe.each(DRIVERS)('live events with exact replay on %s', (driver) => {
  let t: TestDatabase
  let server: Awaited<ReturnType<typeof startTestServer>>
  const clients: LiveClient[] = []
  beforeAll(async () => {
    t = await createTestDatabase(driver)
    server = await startTestServer(t.handle)
  })
  afterAll(async () => {
    for (const c of clients) c.close()
    await server?.close()
    await t?.dispose()
  })

  const login = (username: string) => loginOverHttp(server.url, username)
  async function createIncident(cookie: string, title: string, departments: string[] = []) {
    const res = await fetch(`${server.url}/api/incidents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url, cookie },
      body: JSON.stringify({
        title,
        category: 'fire',
        grade: 'IV',
        location: [113.66, 34.75],
        departments,
      }),
    })
    expect(res.status).toBe(201)
    return ((await res.json()) as { seq: number }).seq
  }
  const client = (cookie: string, since?: number) => {
    const c = new LiveClient(server.url, cookie, since)
    clients.push(c)
    return c
  }

  it('replays exactly the events missed while disconnected, then continues live', async () => {
    const operator = await login('operator')
    const first = client(operator)
    expect(await first.subscribe({ topics: ['incidents'] })).toMatchObject({
      ok: true,
      topics: ['incidents'],
    })
    const seen = await createIncident(operator, '起火 0')
    await first.waitFor(1)
    expect(first.events[0]?.seq).toBe(seen)
    first.close()

    const missed: number[] = []
    for (let i = 1; i <= 5; i++) missed.push(await createIncident(operator, `起火 ${i}`))
    const again = client(operator, seen)
    expect(await again.subscribe({ topics: ['incidents'] })).toMatchObject({
      ok: true,
      resumedFrom: seen,
    })
    await again.waitFor(5)
    const live = await createIncident(operator, '起火 6')
    await again.waitFor(6)
    await settle()
    expect(again.events.map((e) => e.seq)).toEqual([...missed, live])
    expect(again.events.map((e) => (e.data as { title: string }).title)).toEqual([
      '起火 1',
      '起火 2',
      '起火 3',
      '起火 4',
      '起火 5',
      '起火 6',
    ])
  })

  it('matches the snapshot: load the layer, then apply only events after its seq', async () => {
    const operator = await login('operator')
    const res = await fetch(`${server.url}/api/layers/incidents`, { headers: { cookie: operator } })
    const snapshot = (await res.json()) as { seq: number; features: { id: string }[] }
    const c = client(operator, snapshot.seq)
    await c.subscribe({ topics: ['incidents'] })
    const next = await createIncident(operator, '快照之后')
    await c.waitFor(1)
    await settle()
    expect(c.events.map((e) => e.seq)).toEqual([next])
    expect(snapshot.features.length).toBeGreaterThanOrEqual(7)
  })

  it('sends only their own department’s incidents to handlers', async () => {
    const operator = await login('operator')
    const handler = await login('handler-xfzd')
    const c = client(handler)
    expect(await c.subscribe({ topics: ['incidents', 'traffic'] })).toMatchObject({
      ok: true,
      topics: ['incidents'],
      deniedTopics: ['traffic'],
    })
    await createIncident(operator, '环保局的事', ['sthjj'])
    const mine = await createIncident(operator, '消防的事', ['xfzd', 'ji120'])
    await c.waitFor(1)
    await settle()
    expect(c.events.map((e) => e.seq)).toEqual([mine])
  })

  it('never sends a handler another department’s case events', async () => {
    const handler = await login('handler-cgj')
    const dispatcher = await login('dispatcher')
    const mine = client(handler)
    const all = client(dispatcher)
    await mine.subscribe({ topics: ['cases'] })
    await all.subscribe({ topics: ['cases'] })
    // Case events as the dispatch workflow writes them: the responsible department on each.
    const event = (id: string, departments: string[] | null) => ({
      topic: 'cases' as const,
      type: 'case.dispatched',
      entityId: id,
      version: 2,
      data: { id },
      departments,
    })
    const written = await t.handle.db.transaction((tx) =>
      appendEvents(
        tx,
        [event('c-other', ['sthjj']), event('c-mine', ['cgj']), event('c-undispatched', null)],
        new Date(),
      ),
    )
    await all.waitFor(3)
    await mine.waitFor(1)
    await settle()
    expect(all.events.map((e) => e.id)).toEqual(['c-other', 'c-mine', 'c-undispatched'])
    expect(mine.events.map((e) => e.seq)).toEqual([written[1]?.seq])
  })

  it('tells a client to resync when it resumes from before the retained log', async () => {
    const operator = await login('operator')
    const latest = await createIncident(operator, '保留期')
    await t.handle.db.execute(sql`delete from events where seq < ${latest - 2}`)
    const c = client(operator, 1)
    await c.subscribe({ topics: ['incidents'] })
    await settle()
    expect(c.resync).toEqual({ oldestSeq: latest - 2, latestSeq: latest })
    expect(c.events).toEqual([])
  })

  it('refuses a malformed subscription with a clear error', async () => {
    const operator = await login('operator')
    const c = client(operator)
    const ack = await c.subscribe({ topics: ['weather'] } as never)
    expect(ack).toMatchObject({ ok: false })
  })
})
