import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })

/**
 * Every schema-valid CAP 1.2 message received, kept as sent (`raw`) and as parsed. An Update
 * or Cancel whose reference is not known yet is kept and linked when the reference arrives.
 */
export const capAlerts = pgTable(
  'cap_alerts',
  {
    id: text('id').primaryKey(),
    identifier: text('identifier').notNull(),
    sender: text('sender').notNull(),
    sent: text('sent').notNull(), // as written in the message: references quote it verbatim
    msgType: text('msg_type').notNull(),
    status: text('status').notNull(),
    references: jsonb('references')
      .$type<{ sender: string; identifier: string; sent: string }[]>()
      .notNull(),
    parsed: jsonb('parsed').notNull(),
    raw: text('raw').notNull(),
    outsideJurisdiction: boolean('outside_jurisdiction').notNull(),
    outcome: text('outcome').notNull(),
    incidentId: text('incident_id'),
    // the alert this Update/Cancel refers to, once it is known
    linkedTo: text('linked_to'),
    receivedAt: at('received_at').notNull(),
  },
  (t) => [
    // CAP §3.2.1: sender + identifier (+ sent) name a message; receiving it twice stores it once
    uniqueIndex('cap_alerts_message_key').on(t.sender, t.identifier, t.sent),
    index('cap_alerts_identifier_idx').on(t.sender, t.identifier),
  ],
)
