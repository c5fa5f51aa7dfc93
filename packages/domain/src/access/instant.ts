import { DomainError } from '../errors'

/** A point in time as the caller has it: a Date or epoch milliseconds. */
export type Instant = Date | number

export function toEpochMs(at: Instant): number {
  const ms = at instanceof Date ? at.getTime() : at
  if (!Number.isFinite(ms)) throw new DomainError('VALIDATION', `Invalid instant ${String(at)}`)
  return ms
}
