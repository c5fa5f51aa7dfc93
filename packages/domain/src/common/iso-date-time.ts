import { z } from 'zod'

// Offsets are kept (DOMAIN.md wants +08:00 in case events); `Z` is accepted too.
export const IsoDateTime = z.iso.datetime({ offset: true })
export type IsoDateTime = z.infer<typeof IsoDateTime>

export const EntityId = z.string().min(1).max(64)
export type EntityId = z.infer<typeof EntityId>
