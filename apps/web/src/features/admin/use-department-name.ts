import { useCallback } from 'react'
import type { DepartmentItem } from '../../api/departments'
import { useAppStore } from '../../stores/app-store'

/** Department code → its name in the current language (the code itself when unknown). */
export function useDepartmentName(departments: readonly DepartmentItem[] | undefined) {
  const locale = useAppStore((s) => s.locale)
  return useCallback(
    (code: string | null | undefined): string => {
      if (!code) return ''
      const department = departments?.find((d) => d.code === code)
      if (!department) return code
      return locale === 'zh-CN' ? department.name : department.nameEn
    },
    [departments, locale],
  )
}
