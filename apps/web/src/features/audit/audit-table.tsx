import { ROLE_LABELS } from '@cityops/domain'
import type { AuditOutcome } from '@cityops/domain'
import { Table, Tag } from '@cityops/ui'
import type { IconName, TagTone } from '@cityops/ui'
import { Link, useSearchParams } from 'react-router'
import type { AuditRow } from '../../api/audit'
import { formatDateTime, useLabel, useT } from '../../i18n'
import { useAppStore } from '../../stores/app-store'

// Each outcome has its own icon as well as its colour, and always its word.
const OUTCOME_LOOK: Record<AuditOutcome, { tone: TagTone; icon: IconName }> = {
  success: { tone: 'ok', icon: 'check' },
  denied: { tone: 'warn', icon: 'block' },
  failure: { tone: 'danger', icon: 'error' },
}

// The server sends `{ before, after }`; anything without content shows as "—".
function hasContent(detail: unknown): boolean {
  if (detail === null || detail === undefined || detail === '') return false
  if (typeof detail !== 'object') return true
  return Object.values(detail).some((v) => v !== null && v !== undefined)
}

function Detail({ detail }: { detail: unknown }) {
  const t = useT()
  if (!hasContent(detail)) return <>{t('common.none')}</>
  if (typeof detail === 'string') return <>{detail}</>
  return (
    <details>
      <summary>{t('audit.showDetail')}</summary>
      <pre className="audit-detail__json">{JSON.stringify(detail, null, 2)}</pre>
    </details>
  )
}

function ActorLink({ row }: { row: AuditRow }) {
  const t = useT()
  const [search] = useSearchParams()
  const name = row.actorName ?? row.actorId
  if (!row.actorId || !name) return <>{t('audit.system')}</>
  const next = new URLSearchParams(search)
  next.set('actor', row.actorId)
  return (
    <Link
      to={{ search: `?${next.toString()}` }}
      className="inline-link"
      title={t('audit.filterActor', { name })}
    >
      {name}
    </Link>
  )
}

/** 审计记录, newest first as the server sends them. */
export function AuditTable({ rows }: { rows: readonly AuditRow[] }) {
  const t = useT()
  const label = useLabel()
  const locale = useAppStore((s) => s.locale)
  return (
    <Table caption={t('audit.table')} data-testid="audit-table">
      <thead>
        <tr>
          <th scope="col">{t('audit.col.at')}</th>
          <th scope="col">{t('audit.col.actor')}</th>
          <th scope="col">{t('audit.col.role')}</th>
          <th scope="col">{t('audit.col.action')}</th>
          <th scope="col">{t('audit.col.object')}</th>
          <th scope="col">{t('audit.col.outcome')}</th>
          <th scope="col">{t('audit.col.address')}</th>
          <th scope="col">{t('audit.col.detail')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const look = OUTCOME_LOOK[row.outcome] ?? OUTCOME_LOOK.failure
          return (
            <tr key={row.id} data-testid="audit-row">
              <td className="co-table__nowrap">
                <time dateTime={row.at}>{formatDateTime(locale, row.at)}</time>
              </td>
              <td>
                <ActorLink row={row} />
              </td>
              <td className="co-table__nowrap">
                {row.role ? label(ROLE_LABELS[row.role]) : t('common.none')}
              </td>
              <td className="co-table__mono">{row.action}</td>
              <td className="co-table__mono">
                {row.objectType} · {row.objectId}
              </td>
              <td>
                <Tag tone={look.tone} icon={look.icon} data-testid="audit-outcome">
                  {t(`audit.outcome.${row.outcome}`)}
                </Tag>
              </td>
              <td className="co-table__mono">{row.address ?? t('common.none')}</td>
              <td className="audit-detail">
                <Detail detail={row.detail} />
              </td>
            </tr>
          )
        })}
      </tbody>
    </Table>
  )
}
