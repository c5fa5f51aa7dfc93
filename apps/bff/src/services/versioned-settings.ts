import type { Actor } from '@cityops/domain'
import { sql } from 'drizzle-orm'
import type { PgColumn, PgInsertValue, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core'
import { appendAudit } from '../audit/append-audit'
import type { Database, Executor } from '../db/client'
import { HttpError } from '../http/http-error'
import { appendEvents } from '../live/append-events'
import { actorAudit } from './actor-audit'

// A settings row an administrator edits as a whole: one row (id = 1) with a version, a jsonb
// payload and who saved it last (处置时限 in case-sla/, the case goals in plan-targets/).
// Saving is optimistic: it names the version it replaces, so two administrators cannot
// overwrite each other unseen.

/** The columns every single-row settings table has besides its payload. */
export type SettingsTable = PgTable & { id: PgColumn; version: PgColumn }

export interface SaveVersionedSettings<
  P extends Record<string, unknown>,
  S extends { version: number } & P,
> {
  table: SettingsTable
  /** The payload column(s) and their new value, e.g. `{ goals }`; the stored view has the same keys. */
  payload: P
  /** 0 = nothing stored yet (the built-in default is in force). */
  expectedVersion: number
  /** The stored view the caller answers with (the defaults at version 0). */
  load(tx: Executor): Promise<S>
  /** The 409 message, bilingual, naming the version now stored. */
  staleMessage(currentVersion: number): string
  audit: { action: string; objectType: string; objectId: string }
  /** A past-tense live event type (`appendEvents` refuses others), on the `cases` topic. */
  eventType: string
}

/**
 * Replaces the row if `expectedVersion` is still current, else 409 with the current view. One
 * transaction with its audit entry (before/after: version and payload) and its live event.
 */
export async function saveVersionedSettings<
  P extends Record<string, unknown>,
  S extends { version: number } & P,
>(
  db: Database,
  who: { actor: Actor; address: string | null },
  save: SaveVersionedSettings<P, S>,
  now: Date,
): Promise<S> {
  return db.transaction(async (tx) => {
    const current = await save.load(tx)
    const audit = actorAudit(who.actor, who.address)
    const version = await writeRow(tx, save, audit.actorId, now)
    if (version === undefined) {
      throw new HttpError(409, save.staleMessage(current.version), {
        code: 'STALE_VERSION',
        current,
      })
    }
    const before: Record<string, unknown> = { version: current.version }
    for (const key of Object.keys(save.payload)) before[key] = current[key]
    await appendAudit(
      tx,
      {
        ...audit,
        ...save.audit,
        outcome: 'success',
        before,
        after: { version, ...save.payload },
      },
      now,
    )
    const saved = await save.load(tx)
    await appendEvents(
      tx,
      [
        {
          topic: 'cases',
          type: save.eventType,
          entityId: save.audit.objectId,
          version,
          data: saved,
          departments: null,
        },
      ],
      now,
    )
    return saved
  })
}

/** The new version, or undefined when another save got there first. */
async function writeRow<P extends Record<string, unknown>, S extends { version: number } & P>(
  tx: Executor,
  save: SaveVersionedSettings<P, S>,
  actorId: string | null,
  now: Date,
): Promise<number | undefined> {
  const { table } = save
  const stamp = { ...save.payload, updatedAt: now, updatedBy: actorId }
  const written =
    save.expectedVersion === 0
      ? await tx
          .insert(table)
          .values({ id: 1, version: 1, ...stamp } as PgInsertValue<SettingsTable>)
          .onConflictDoNothing()
          .returning({ version: table.version })
      : await tx
          .update(table)
          .set({
            version: sql`${table.version} + 1`,
            ...stamp,
          } as PgUpdateSetSource<SettingsTable>)
          .where(sql`${table.id} = 1 and ${table.version} = ${save.expectedVersion}`)
          .returning({ version: table.version })
  const version = written[0]?.version
  return typeof version === 'number' ? version : undefined
}
