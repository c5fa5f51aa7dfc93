import type { Role } from '@cityops/domain'
import { vi } from 'vitest'
import type { Me } from '../api/session'

export const json = (status: number, body?: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  })

export type StubCall = {
  method: string
  path: string
  search: URLSearchParams
  body: unknown
  init: RequestInit
}
type Handler = (call: StubCall) => Response | Promise<Response>

/**
 * Stubs fetch with handlers keyed "METHOD /api/path" (query string ignored; a function value
 * may answer differently per call). Unknown endpoints answer 404 like the BFF's catch-all.
 */
export function stubApi(routes: Record<string, Handler>) {
  const calls: StubCall[] = []
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost')
    const method = (init.method ?? 'GET').toUpperCase()
    const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : undefined
    const call = { method, path: url.pathname, search: url.searchParams, body, init }
    calls.push(call)
    const handler = routes[`${method} ${url.pathname}`]
    if (handler) return handler(call)
    if (url.pathname === '/api/health') {
      return json(200, { status: 'ok', database: 'pglite', migrations: '0003', version: '0.1.0' })
    }
    return json(404, { error: `No API endpoint ${method} ${url.pathname}.` })
  })
  vi.stubGlobal('fetch', fetchMock)
  return { calls, fetchMock }
}

const DEPARTMENTS: Record<string, { name: string; nameEn: string }> = {
  cgj: { name: '郑州市城市管理局', nameEn: 'Zhengzhou Urban Management Bureau' },
  sthjj: { name: '郑州市生态环境局', nameEn: 'Zhengzhou Ecology and Environment Bureau' },
}

/** A `GET /api/me` answer for a role (handlers belong to `cgj` unless told otherwise). */
export function meFor(role: Role, overrides: Partial<Me> = {}): Me {
  const departmentCode = role === 'handler' ? 'cgj' : null
  const department = departmentCode
    ? { code: departmentCode, ...DEPARTMENTS[departmentCode] }
    : null
  return {
    user: {
      id: `u-${role}`,
      username: role === 'handler' ? 'handler-cgj' : role.toLowerCase(),
      displayName: `测试${role}`,
      role,
      departmentCode,
      department: department && {
        code: department.code,
        name: department.name ?? '',
        nameEn: department.nameEn ?? '',
      },
    },
    permissions: [],
    mfa: { enabled: false, required: false },
    session: {
      idleExpiresAt: new Date(Date.now() + 30 * 60_000).toISOString(),
      absoluteExpiresAt: new Date(Date.now() + 12 * 3_600_000).toISOString(),
    },
    ...overrides,
  }
}
