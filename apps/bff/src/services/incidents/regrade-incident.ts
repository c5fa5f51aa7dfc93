import { parseOrThrow, RegradeIncidentCommand, type Actor } from '@cityops/domain'
import type { z } from 'zod'
import type { Executor } from '../../db/client'
import { runIncidentAction } from './run-incident-action'

/**
 * 定级调整 (DOMAIN.md §2.5: grades Ⅰ–Ⅳ) through the incident workflow's `grade` action: the
 * new grade (version + 1, only from `expectedVersion`), its audit entry, one
 * `incident.regraded` event with the previous grade and the reason, and for an escalation
 * into Ⅰ/Ⅱ the wall's alarm. `actor = null` is the simulator.
 */
export async function regradeIncident(
  db: Executor,
  who: { actor: Actor | null; address: string | null },
  id: string,
  input: z.input<typeof RegradeIncidentCommand>,
  now: Date,
) {
  const { expectedVersion, grade, reason } = parseOrThrow(
    RegradeIncidentCommand,
    input,
    'regrade command',
  )
  const done = await runIncidentAction(
    db,
    who,
    id,
    expectedVersion,
    { type: 'grade', grade, reason },
    now,
  )
  return { incident: done.incident, ...done.facts, seq: done.seq, alarm: done.alarm }
}
