import { DISTRICTS, FUNCTIONAL_AREAS, type CaseKind } from '@cityops/domain'
import { useQuery } from '@tanstack/react-query'
import { useCallback, useMemo } from 'react'
import { caseCategoriesQueryOptions } from '../../api/cases'
import { departmentsQueryOptions } from '../../api/departments'
import { useAppStore } from '../../stores/app-store'

const AREAS = [...DISTRICTS, ...FUNCTIONAL_AREAS]

export const categoryKey = (kind: CaseKind, code: string) => `${kind}:${code}`

/**
 * Names for the codes a case carries, in the current language. Reference lists that are not
 * available (yet) leave the code as it is, so a screen never shows a blank.
 */
export function useCaseNames() {
  const locale = useAppStore((s) => s.locale)
  const categories = useQuery(caseCategoriesQueryOptions())
  const departments = useQuery(departmentsQueryOptions())
  // 部件 and 事件 reuse 4-digit codes (0101 is both 上水井盖 and 私搭乱建): the key is kind + code.
  const categoryNames = useMemo(
    () =>
      new Map(
        (categories.data ?? []).map((c) => [
          categoryKey(c.kind, c.code),
          locale === 'zh-CN' ? `${c.majorName} · ${c.minorName}` : c.nameEn,
        ]),
      ),
    [categories.data, locale],
  )
  const departmentNames = useMemo(
    () =>
      new Map(
        (departments.data ?? []).map((d) => [d.code, locale === 'zh-CN' ? d.name : d.nameEn]),
      ),
    [departments.data, locale],
  )
  const category = useCallback(
    (kind: CaseKind, code: string) => categoryNames.get(categoryKey(kind, code)) ?? code,
    [categoryNames],
  )
  const department = useCallback(
    (code: string) => departmentNames.get(code) ?? code,
    [departmentNames],
  )
  const district = useCallback(
    (code: string) => {
      const area = AREAS.find((a) => a.code === code)
      if (!area) return code
      return locale === 'zh-CN' ? area.name : area.nameEn
    },
    [locale],
  )
  return {
    category,
    department,
    district,
    categories: categories.data ?? [],
    departments: departments.data ?? [],
  }
}
