import { applyIncidentAction, DomainError, type IncidentCommand } from '@cityops/domain'
import { randomUUID } from 'node:crypto'
import type { Executor } from '../../db/client'
import { readIncidentRecord, toWorkflowIncident } from './incident-record'
import { writeIncidentAction, type IncidentWho } from './write-incident-action'

/**
 * The in-process path of the same workflow (simulator, ingestion): one transaction with the
 * row lock, the version check, the domain's rules and the same write as the HTTP action.
 * Refusals are DomainErrors (CONFLICT for a stale version or a move not allowed now).
 */
export function runIncidentAction(
  db: Executor,
  who: IncidentWho,
  id: string,
  expectedVersion: number,
  command: IncidentCommand,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const before = await readIncidentRecord(tx, id, { forUpdate: true })
    const { version } = before.state
    if (version !== expectedVersion) {
      throw new DomainError(
        'CONFLICT',
        `事件 ${id} 已被修改（当前版本 ${version}）/ Incident ${id} has changed since version ${expectedVersion} (now ${version}); reload it and try again.`,
        { currentVersion: version },
      )
    }
    const result = applyIncidentAction(toWorkflowIncident(before), command, who.actor, {
      now: now.toISOString(),
      newAssignmentId: randomUUID(),
    })
    if (result instanceof DomainError) throw result
    return writeIncidentAction(tx, who, before, result, now)
  })
}
