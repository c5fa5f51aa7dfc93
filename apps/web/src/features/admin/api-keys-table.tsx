import { Button, Table, Tag } from '@cityops/ui'
import type { ApiKey } from '../../api/api-keys'
import { formatDateTime, useT } from '../../i18n'
import { useAppStore } from '../../stores/app-store'

type Props = {
  keys: readonly ApiKey[]
  departmentName: (code: string | null) => string
  onRevoke: (key: ApiKey) => void
}

/** API 密钥列表: never the secret, only its prefix. */
export function ApiKeysTable({ keys, departmentName, onRevoke }: Props) {
  const t = useT()
  const locale = useAppStore((s) => s.locale)
  const when = (iso: string | null | undefined, none: string) =>
    iso ? formatDateTime(locale, iso) : none
  return (
    <Table caption={t('apiKeys.table')} data-testid="api-keys-table">
      <thead>
        <tr>
          <th scope="col">{t('apiKeys.col.name')}</th>
          <th scope="col">{t('apiKeys.col.prefix')}</th>
          <th scope="col">{t('apiKeys.col.scopes')}</th>
          <th scope="col">{t('apiKeys.col.department')}</th>
          <th scope="col">{t('apiKeys.col.created')}</th>
          <th scope="col">{t('apiKeys.col.lastUsed')}</th>
          <th scope="col">{t('apiKeys.col.status')}</th>
          <th scope="col">{t('apiKeys.col.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => (
          <tr key={key.id}>
            <th scope="row">{key.name}</th>
            <td className="co-table__mono co-table__nowrap">{key.prefix ?? t('common.none')}</td>
            <td className="co-table__mono">{key.scopes.join(', ')}</td>
            <td>{departmentName(key.departmentCode) || t('apiKeys.cityWide')}</td>
            <td className="co-table__nowrap">{when(key.createdAt, t('common.none'))}</td>
            <td className="co-table__nowrap">{when(key.lastUsedAt, t('apiKeys.never'))}</td>
            <td>
              {key.revokedAt ? (
                <Tag tone="muted" icon="block">
                  {t('apiKeys.revoked')}
                </Tag>
              ) : (
                <Tag tone="ok" icon="check">
                  {t('apiKeys.valid')}
                </Tag>
              )}
            </td>
            <td>
              <div className="co-table__actions">
                {key.revokedAt ? null : (
                  <Button
                    aria-label={`${t('apiKeys.revoke')} ${key.name}`}
                    onClick={() => onRevoke(key)}
                    data-testid={`api-key-revoke-${key.id}`}
                  >
                    {t('apiKeys.revoke')}
                  </Button>
                )}
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}
