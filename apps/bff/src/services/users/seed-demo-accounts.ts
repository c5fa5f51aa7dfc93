import { API_KEY_SCOPES, DEMO_PASSWORD, ROLE_LABELS, type Role } from '@cityops/domain'
import { eq } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { apiKeys, departments, users } from '../../db/schema'
import { hashPassword } from '../../security/password-hash'
import { sha256Hex } from '../../security/tokens'
import { createApiKey } from '../api-keys/api-keys'
import { createUser } from './users'

export const DEMO_API_KEY = 'cityops-demo-key'

const ROLE_ACCOUNTS: { username: string; role: Role }[] = [
  { username: 'inspector', role: 'inspector' },
  { username: 'intake', role: 'intake' },
  { username: 'shiftlead', role: 'shiftLead' },
  { username: 'dispatcher', role: 'dispatcher' },
  { username: 'operator', role: 'operator' },
  { username: 'leader', role: 'leader' },
  { username: 'admin', role: 'admin' },
]

/**
 * Demo mode: one account per role and one handler per department, all with the published
 * demo password, plus the demo ingestion key. Existing accounts are left alone.
 */
export async function seedDemoAccounts(db: Database, now: Date): Promise<number> {
  const existing = new Set((await db.select({ u: users.username }).from(users)).map((r) => r.u))
  const depts = await db.select().from(departments).where(eq(departments.active, true))
  const wanted = [
    ...ROLE_ACCOUNTS.map((a) => ({
      ...a,
      displayName: `${ROLE_LABELS[a.role].zh}（演示）`,
      departmentCode: null,
    })),
    ...depts.map((d) => ({
      username: `handler-${d.code}`,
      role: 'handler' as const,
      displayName: `${d.name}处置员（演示）`,
      departmentCode: d.code,
    })),
  ].filter((a) => !existing.has(a.username))
  // One scrypt for all: the demo password is published, so a shared salt reveals nothing, and
  // 32 hashes were a quarter of a first start (docs/PERFORMANCE.md, B5).
  const passwordHash = wanted.length ? await hashPassword(DEMO_PASSWORD) : ''
  // Sequential: each user is its own audited transaction, and PGlite runs one at a time anyway.
  for (const account of wanted) {
    await createUser(
      db,
      null,
      null,
      { ...account, password: DEMO_PASSWORD, isDemo: true, skipPasswordRules: true, passwordHash },
      now,
    )
  }
  const [key] = await db
    .select({ id: apiKeys.id })
    .from(apiKeys)
    .where(eq(apiKeys.keyHash, sha256Hex(DEMO_API_KEY)))
  if (!key) {
    await createApiKey(
      db,
      null,
      null,
      { name: '演示接入密钥 / demo ingestion key', scopes: [...API_KEY_SCOPES] },
      now,
      DEMO_API_KEY,
    )
  }
  return wanted.length
}
