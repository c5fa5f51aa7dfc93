import { DISTRICTS, FUNCTIONAL_AREAS } from '@cityops/domain'
import { Button, Table, Tag } from '@cityops/ui'
import type { DepartmentItem } from '../../api/departments'
import { useT } from '../../i18n'
import { useAppStore } from '../../stores/app-store'

export type DepartmentAction = 'edit' | 'deactivate' | 'activate'

type Props = {
  departments: readonly DepartmentItem[]
  onAction: (action: DepartmentAction, department: DepartmentItem) => void
}

const AREAS = [...DISTRICTS, ...FUNCTIONAL_AREAS]

/** 部门列表; a department without `active` from the server counts as active. */
export function DepartmentsTable({ departments, onAction }: Props) {
  const t = useT()
  const locale = useAppStore((s) => s.locale)
  const areaName = (code: string | null | undefined) => {
    const area = AREAS.find((a) => a.code === code)
    if (!area) return t('common.none')
    return locale === 'zh-CN' ? area.name : area.nameEn
  }
  const action = (kind: DepartmentAction, d: DepartmentItem, text: string) => (
    <Button
      aria-label={`${text} ${d.code}`}
      data-testid={`department-${kind}-${d.code}`}
      onClick={() => onAction(kind, d)}
    >
      {text}
    </Button>
  )
  return (
    <Table caption={t('departments.table')} data-testid="departments-table">
      <thead>
        <tr>
          <th scope="col">{t('departments.col.code')}</th>
          <th scope="col">{t('departments.col.name')}</th>
          <th scope="col">{t('departments.col.nameEn')}</th>
          <th scope="col">{t('departments.col.kind')}</th>
          <th scope="col">{t('departments.col.district')}</th>
          <th scope="col">{t('departments.col.status')}</th>
          <th scope="col">{t('departments.col.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {departments.map((d) => {
          const isActive = d.active !== false
          return (
            <tr key={d.code}>
              <th scope="row" className="co-table__mono co-table__nowrap">
                {d.code}
              </th>
              <td>{d.name}</td>
              <td lang="en">{d.nameEn}</td>
              <td className="co-table__nowrap">{t(`departmentKind.${d.kind}`)}</td>
              <td className="co-table__nowrap">{areaName(d.districtCode)}</td>
              <td>
                {isActive ? (
                  <Tag tone="ok" icon="check">
                    {t('common.active')}
                  </Tag>
                ) : (
                  <Tag tone="muted" icon="block">
                    {t('common.inactive')}
                  </Tag>
                )}
              </td>
              <td>
                <div className="co-table__actions">
                  {action('edit', d, t('common.edit'))}
                  {isActive
                    ? action('deactivate', d, t('departments.deactivate'))
                    : action('activate', d, t('departments.activate'))}
                </div>
              </td>
            </tr>
          )
        })}
      </tbody>
    </Table>
  )
}
