import { REPLAY_KINDS, type ReplayKind } from '@cityops/domain'
import { HttpError } from '../../http/http-error'

/**
 * The position after the last item of a page: its exact time (microseconds, as text so no
 * precision is lost through a JS Date), kind and id. Keyset paging on (at, kind, id): rows
 * inserted meanwhile land before or after the position, never shift a page.
 */
export interface ReplayPosition {
  at: string
  kind: ReplayKind
  id: string
}

export function encodeCursor(p: ReplayPosition): string {
  return Buffer.from(JSON.stringify([p.at, p.kind, p.id]), 'utf8').toString('base64url')
}

const BAD_CURSOR = new HttpError(
  400,
  'cursor 无效：请使用上一页返回的 nextCursor / The cursor is not valid: pass the nextCursor of the previous page.',
  { issues: [{ path: 'cursor', message: '无效的游标 / Invalid cursor' }] },
)

export function decodeCursor(cursor: string): ReplayPosition {
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw BAD_CURSOR
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw BAD_CURSOR
  const [at, kind, id] = parsed as unknown[]
  if (
    typeof at !== 'string' ||
    Number.isNaN(Date.parse(at)) ||
    !REPLAY_KINDS.includes(kind as ReplayKind) ||
    typeof id !== 'string' ||
    id.length === 0 ||
    id.length > 120
  ) {
    throw BAD_CURSOR
  }
  return { at, kind: kind as ReplayKind, id }
}
