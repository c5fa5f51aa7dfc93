import type { StatusKind } from '@cityops/ui'
import type { Health } from '../../api/health'
import type { Translate } from '../../i18n'

export type HealthView = { status: StatusKind; label: string; detail: string }

const DATABASE_NAMES: Readonly<Record<string, string>> = {
  pglite: 'PGlite',
  postgres: 'PostgreSQL',
}
const databaseName = (db: string) => DATABASE_NAMES[db] ?? db

export type HealthQueryState = {
  data: Health | undefined
  isError: boolean
}

/** Badge state from the query: an error (no answer) wins over older data, so it reads offline. */
export function toHealthView({ data, isError }: HealthQueryState, t: Translate): HealthView {
  if (isError) {
    return { status: 'offline', label: t('health.offline'), detail: t('health.detailOffline') }
  }
  if (!data) return { status: 'loading', label: t('health.loading'), detail: '' }
  if (data.status === 'ok') {
    return {
      status: 'ok',
      label: t('health.ok', { database: databaseName(data.database) }),
      detail: t('health.detailOk', { migrations: data.migrations, version: data.version }),
    }
  }
  const reason = data.reason ?? t('health.reasonUnexpected', { status: data.httpStatus })
  return {
    status: 'degraded',
    label: data.database
      ? t('health.degraded', { database: databaseName(data.database) })
      : t('health.degradedUnknownDb'),
    detail: t('health.detailDegraded', { reason }),
  }
}
