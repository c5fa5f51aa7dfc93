import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { queryRows } from '../src/db/query-rows'
import { sha256Hex } from '../src/security/tokens'
import { asBrowser, loginAs } from './support/sessions'
import { testApp } from './support/test-app'
import { createTestDatabase, type TestDatabase } from './support/test-databases'

describe('API keys for machine clients', () => {
  let t: TestDatabase
  let env: ReturnType<typeof testApp>
  beforeAll(async () => {
    t = await createTestDatabase('pglite')
    env = testApp(t.handle)
  })
  afterAll(() => t?.dispose())

  it('are shown once, stored hashed, work as Bearer tokens within their scope, and revoke', async () => {
    const admin = await loginAs(env.app, 'admin')
    const created = await env.app.request(
      '/api/admin/api-keys',
      asBrowser(admin, 'POST', {
        name: '12345 热线平台',
        scopes: ['case.read'],
        departmentCode: 'cgj',
      }),
    )
    expect(created.status).toBe(201)
    const { id, key, prefix } = (await created.json()) as {
      id: string
      key: string
      prefix: string
    }
    expect(key).toMatch(/^cok_[\w-]{32}$/)
    expect(key.startsWith(prefix)).toBe(true)

    const stored = await queryRows<{ key_hash: string }>(
      t.handle.db,
      sql`select key_hash from api_keys where id = ${id}`,
    )
    expect(stored[0]?.key_hash).toBe(sha256Hex(key))
    const listed = await (await env.app.request('/api/admin/api-keys', asBrowser(admin))).text()
    expect(listed).not.toContain(key)

    const bearer = (path: string) =>
      env.app.request(path, { headers: { authorization: `Bearer ${key}` } })
    expect((await bearer('/api/departments/cgj')).status).toBe(200) // its own department
    expect((await bearer('/api/departments/sthjj')).status).toBe(403) // another department
    expect((await bearer('/api/admin/users')).status).toBe(403) // not a scope a key can hold

    expect(
      (await env.app.request(`/api/admin/api-keys/${id}`, asBrowser(admin, 'DELETE'))).status,
    ).toBe(204)
    const revoked = await bearer('/api/departments/cgj')
    expect(revoked.status).toBe(401)
    expect(((await revoked.json()) as { error: string }).error).toContain('revoked')
  })

  it('refuses scopes a machine may not hold, with the reason', async () => {
    const admin = await loginAs(env.app, 'admin')
    const res = await env.app.request(
      '/api/admin/api-keys',
      asBrowser(admin, 'POST', { name: 'x', scopes: ['user.manage'] }),
    )
    expect(res.status).toBe(400)
    expect(((await res.json()) as { issues: { path: string }[] }).issues[0]?.path).toBe('scopes.0')
  })
})
