import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { verifyAuditChain } from '../src/audit/verify-audit-chain'
import { queryRows } from '../src/db/query-rows'
import { asBrowser, loginAs } from './support/sessions'
import { testApp } from './support/test-app'
import { createTestDatabase, DRIVERS, type TestDatabase } from './support/test-databases'

describe.each(DRIVERS)('tamper-evident audit trail on %s', (driver) => {
  let t: TestDatabase
  let env: ReturnType<typeof testApp>
  beforeAll(async () => {
    t = await createTestDatabase(driver)
    env = testApp(t.handle)
  })
  afterAll(() => t?.dispose())

  const actions = async () =>
    (
      await queryRows<{ action: string; outcome: string; object_id: string }>(
        t.handle.db,
        sql`select action, outcome, object_id from audit_log order by seq`,
      )
    ).map((r) => `${r.action}:${r.outcome}:${r.object_id}`)

  it('records logins, failures, logouts, denials and administration with actor and time', async () => {
    const before = (await actions()).length
    await env.app.request(
      '/api/auth/login',
      asBrowser(null, 'POST', { username: 'operator', password: 'bad' }),
    )
    const operator = await loginAs(env.app, 'operator')
    await env.app.request('/api/admin/users', asBrowser(operator)) // denied
    await env.app.request('/api/auth/logout', asBrowser(operator, 'POST', {}))
    const admin = await loginAs(env.app, 'admin')
    await env.app.request(
      '/api/admin/departments',
      asBrowser(admin, 'POST', {
        code: 'test-dept',
        name: '测试部门',
        nameEn: 'Test department',
        kind: 'municipal',
      }),
    )
    expect((await actions()).slice(before)).toEqual([
      'auth.login:failure:operator',
      'auth.login:success:operator',
      'permission.denied:denied:GET /api/admin/users',
      expect.stringMatching(/^auth\.logout:success:/),
      'auth.login:success:admin',
      'department.create:success:test-dept',
    ])
    const [row] = await queryRows<{ role: string; at: Date }>(
      t.handle.db,
      sql`select role, at from audit_log where action = 'department.create'`,
    )
    expect(row?.role).toBe('admin')
    expect(new Date(row?.at ?? 0).toISOString()).toBe(env.clock.now.toISOString())
  })

  it('shows the trail to admin and leader, with filters and a CSV export', async () => {
    const leader = await loginAs(env.app, 'leader')
    const res = await env.app.request('/api/audit?action=department.create', asBrowser(leader))
    const body = (await res.json()) as { items: { objectId: string; actorName: string }[] }
    expect(body.items).toEqual([
      expect.objectContaining({ objectId: 'test-dept', actorName: 'admin' }),
    ])
    const csv = await env.app.request('/api/audit/export.csv?outcome=denied', asBrowser(leader))
    expect(csv.headers.get('content-type')).toContain('text/csv')
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe(
      'seq,at,actorId,actorName,role,address,action,objectType,objectId,outcome,detail,hash',
    )
    expect(lines.slice(1).every((l) => l.includes(',denied,'))).toBe(true)
    expect(lines.length).toBeGreaterThan(1)
    const bad = await env.app.request('/api/audit?from=yesterday', asBrowser(leader))
    expect(bad.status).toBe(400)
  })

  it('refuses UPDATE, DELETE and TRUNCATE on the audit table in the database itself', async () => {
    await expect(
      t.handle.db.execute(sql`update audit_log set outcome = 'success'`),
    ).rejects.toThrow()
    await expect(t.handle.db.execute(sql`delete from audit_log`)).rejects.toThrow()
    await expect(t.handle.db.execute(sql`truncate audit_log`)).rejects.toThrow()
    expect(await verifyAuditChain(t.handle.db)).toMatchObject({ ok: true })
  })

  it('locates a row tampered with behind the trigger’s back', async () => {
    const [victim] = await queryRows<{ seq: number; id: string }>(
      t.handle.db,
      sql`select seq, id from audit_log where action = 'department.create'`,
    )
    // Only a superuser can switch the trigger off: exactly the tampering the chain must reveal.
    await t.handle.db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`)
    await t.handle.db.execute(
      sql`update audit_log set object_id = 'other-dept' where seq = ${victim?.seq}`,
    )
    await t.handle.db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`)
    expect(await verifyAuditChain(t.handle.db)).toMatchObject({
      ok: false,
      seq: victim?.seq,
      id: victim?.id,
      problem: 'hashMismatch',
    })
  })
})
