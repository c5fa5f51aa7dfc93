import { expect } from 'vitest'
import { reportCase } from '../../src/services/cases/report-case'
import { asBrowser, loginAs } from './sessions'
import type { testApp } from './test-app'
import type { TestDatabase } from './test-databases'

// Drives cases through the real action API (POST /api/cases/:id/actions) as the demo accounts,
// keeping each case's version, so tests script histories step by step.

export const JINSHUI = [113.68, 34.78] as [number, number]

export interface CaseReportOptions {
  kind?: 'event' | 'component'
  categoryCode?: string
  componentId?: string
  location?: [number, number]
  description?: string
}

export function caseDriver(t: TestDatabase, env: ReturnType<typeof testApp>) {
  const cookies = new Map<string, string>()
  const versions = new Map<string, number>()
  let keys = 0
  const cookie = async (user: string) => {
    const known = cookies.get(user)
    if (known) return known
    const fresh = await loginAs(env.app, user)
    cookies.set(user, fresh)
    return fresh
  }
  return {
    /** Moves the app's clock to a Beijing local time, e.g. '2026-12-01T10:00'. */
    at(local: string) {
      env.clock.now = new Date(`${local}:00+08:00`)
      cookies.clear() // sessions expire over jumps in time: log in again at the new time
    },
    async report(options: CaseReportOptions = {}) {
      const { case: c } = await reportCase(
        t.handle.db,
        { actor: null, address: null },
        {
          kind: options.kind ?? 'event',
          categoryCode: options.categoryCode ?? '0106',
          componentId: options.componentId,
          description: options.description ?? '人行道乱堆杂物',
          location: options.location ?? JINSHUI,
          gridCode: '41010500100101',
          channel: 'inspector',
          reporter: {},
        },
        env.clock.now,
      )
      versions.set(c.id, c.version)
      return c
    },
    /** One action that must succeed (200), with the version this driver last saw. */
    async act(user: string, id: string, action: string, fields: Record<string, unknown> = {}) {
      const init = asBrowser(await cookie(user), 'POST', {
        action,
        expectedVersion: versions.get(id),
        ...fields,
      })
      const res = await env.app.request(`/api/cases/${id}/actions`, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), 'idempotency-key': `d-${++keys}` },
      })
      const body = (await res.json()) as { case: { version: number }; error?: string }
      expect(res.status, `${action} on ${id}: ${body.error ?? ''}`).toBe(200)
      versions.set(id, body.case.version)
      return body
    },
    /** 受理 → 立案 → 派遣 to `department`. */
    async dispatched(id: string, department: string) {
      await this.act('intake', id, 'accept')
      await this.act('shiftlead', id, 'file')
      await this.act('dispatcher', id, 'dispatch', { departmentCode: department })
    },
    /** 核查 issued and passed, then 结案. */
    async checkedAndClosed(id: string) {
      await this.act('intake', id, 'assignCheck')
      await this.act('inspector', id, 'checkPass')
      await this.act('shiftlead', id, 'close')
    },
    async get(user: string, path: string) {
      const res = await env.app.request(path, asBrowser(await cookie(user)))
      return { status: res.status, body: (await res.json()) as Record<string, unknown> }
    },
    async send(
      user: string,
      method: string,
      path: string,
      body: unknown,
      headers: Record<string, string> = {},
    ) {
      const init = asBrowser(await cookie(user), method, body)
      const res = await env.app.request(path, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), ...headers },
      })
      return { status: res.status, body: (await res.json()) as Record<string, unknown> }
    },
  }
}
