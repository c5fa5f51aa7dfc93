import { verifyAuditChain } from '../audit/verify-audit-chain'
import { runWithConfiguredDatabase } from './open-configured-database'

// `npm run audit:verify`: recomputes the audit hash chain; exit code 2 names the first bad row.
await runWithConfiguredDatabase(async (handle) => {
  const result = await verifyAuditChain(handle.db)
  if (result.ok) return `audit chain intact: ${result.checked} entries verified`
  process.exitCode = 2
  const what =
    result.problem === 'hashMismatch'
      ? 'was altered'
      : 'does not follow its predecessor (a row before it was removed or altered)'
  return `AUDIT CHAIN BROKEN: entry seq ${result.seq} (id ${result.id}) ${what}; ${result.checked} entries before it are intact`
})
