import { describe, expect, it, vi } from 'vitest'
import { serviceWorkerSource } from '../../pwa/service-worker'

type Listener = (event: unknown) => void
type FakeResponse = {
  ok: boolean
  type: string
  body: string
  headers: Headers
  clone: () => FakeResponse
}

const ORIGIN = 'https://city.example'
const PRECACHE = ['/', '/assets/index-abc.js', '/manifest.webmanifest']

const response = (body: string, contentType = 'text/javascript'): FakeResponse => {
  const r: FakeResponse = {
    ok: true,
    type: 'basic',
    body,
    headers: new Headers({ 'content-type': contentType }),
    clone: () => r,
  }
  return r
}

const pathOf = (request: string | { url: string }) =>
  new URL(typeof request === 'string' ? request : request.url, ORIGIN).pathname

/** Runs the generated worker against in-memory caches and a fetch the test controls. */
async function startWorker(network: (path: string) => Promise<FakeResponse>) {
  const listeners: Record<string, Listener> = {}
  const store = new Map<string, FakeResponse>()
  const fetchMock = vi.fn((request: string | { url: string }) => network(pathOf(request)))
  const cache = {
    addAll: async (urls: string[]) => {
      for (const url of urls) store.set(url, await network(url))
    },
    put: (request: string | { url: string }, value: FakeResponse) => {
      store.set(pathOf(request), value)
      return Promise.resolve()
    },
  }
  const caches = {
    open: () => Promise.resolve(cache),
    keys: () => Promise.resolve([]),
    delete: () => Promise.resolve(true),
    match: (request: string | { url: string }) => Promise.resolve(store.get(pathOf(request))),
  }
  const self = {
    addEventListener: (type: string, listener: Listener) => {
      listeners[type] = listener
    },
    location: { origin: ORIGIN },
    skipWaiting: () => Promise.resolve(),
    clients: { claim: () => Promise.resolve() },
  }
  // The source is this repository's generated worker; run it as the browser would.
  new Function('self', 'caches', 'fetch', serviceWorkerSource(PRECACHE))(self, caches, fetchMock)
  let installed: Promise<unknown> = Promise.resolve()
  listeners.install?.({ waitUntil: (p: Promise<unknown>) => (installed = p) })
  await installed

  /** Dispatches a fetch event; resolves with what the worker answered, or null if it let it pass. */
  const request = async (path: string, init: { method?: string; mode?: string } = {}) => {
    // Assigned inside the listener's callback, which TypeScript cannot follow.
    let answer = null as Promise<FakeResponse> | null
    listeners.fetch?.({
      request: { url: `${ORIGIN}${path}`, method: init.method ?? 'GET', mode: init.mode ?? 'cors' },
      respondWith: (p: Promise<FakeResponse>) => (answer = p),
    })
    return answer === null ? null : await answer
  }
  return { request, fetchMock, store }
}

describe('service worker', () => {
  it('never answers or stores API, socket or evidence requests', async () => {
    const worker = await startWorker((path) => Promise.resolve(response(`net:${path}`)))
    for (const path of [
      '/api/cases?status=DISPATCHED',
      '/api/me',
      '/api/evidence/ev-1',
      '/socket.io/?EIO=4',
    ]) {
      expect(await worker.request(path)).toBeNull()
      expect(await worker.request(path, { mode: 'navigate' })).toBeNull()
    }
    expect(await worker.request('/api/cases', { method: 'POST' })).toBeNull()
    expect(
      [...worker.store.keys()].filter((k) => k.startsWith('/api') || k.startsWith('/socket.io')),
    ).toEqual([])
  })

  it('opens the cached shell for any page when the network is down', async () => {
    let online = true
    const worker = await startWorker((path) =>
      online
        ? Promise.resolve(response(`net:${path}`, path === '/' ? 'text/html' : 'text/javascript'))
        : Promise.reject(new TypeError('Failed to fetch')),
    )
    online = false
    const page = await worker.request('/departments/cgj?case=c-1', { mode: 'navigate' })
    expect(page?.body).toBe('net:/')
  })

  it('serves hashed assets and the basemap from the cache after the first load', async () => {
    const worker = await startWorker((path) => Promise.resolve(response(`net:${path}`)))
    const before = worker.fetchMock.mock.calls.length
    expect((await worker.request('/assets/index-abc.js'))?.body).toBe('net:/assets/index-abc.js')
    expect(worker.fetchMock.mock.calls.length).toBe(before) // precached on install

    expect((await worker.request('/basemap/data/districts.geojson'))?.body).toBe(
      'net:/basemap/data/districts.geojson',
    )
    const afterFirst = worker.fetchMock.mock.calls.length
    await worker.request('/basemap/data/districts.geojson')
    expect(worker.fetchMock.mock.calls.length).toBe(afterFirst)
  })
})
