import type { CaseState, EvidenceContentType } from '@cityops/domain'
import { bigint, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { cityCases } from './cases'
import { geometryOf } from './geometry'

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })

/**
 * Photos attached to 数字城管 cases (处置反馈, 核实, 核查 …). The bytes live in the evidence
 * store, content-addressed by `sha256`; the same photo added twice is two rows, one file.
 */
export const caseEvidence = pgTable(
  'case_evidence',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cityCases.id),
    sha256: text('sha256').notNull(),
    contentType: text('content_type').$type<EvidenceContentType>().notNull(),
    bytes: bigint('bytes', { mode: 'number' }).notNull(),
    capturedAt: at('captured_at'),
    location: geometryOf('Point')('location'),
    uploadedBy: text('uploaded_by').notNull(),
    uploadedAt: at('uploaded_at').notNull(),
    /** The case's state at upload: which step of the workflow the photo documents. */
    caseStatus: text('case_status').$type<CaseState>().notNull(),
  },
  (t) => [
    // a case's evidence list, newest first
    index('case_evidence_case_idx').on(t.caseId, t.uploadedAt),
  ],
)
