import { SelectField, TextField } from '@cityops/ui'
import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { caseCategoriesQueryOptions } from '../../api/cases'
import type { CaseCategory } from '../../api/cases'
import { useT } from '../../i18n'
import { categoryKey } from '../cases/use-case-names'

type CategoryPickerProps = {
  value: CaseCategory | null
  onChange: (category: CaseCategory | null) => void
  error?: string
}

const matches = (c: CaseCategory, text: string) =>
  c.code.includes(text) ||
  c.minorName.toLowerCase().includes(text) ||
  c.majorName.toLowerCase().includes(text)

/**
 * 大类 → 小类 from `GET /api/case-categories`, with a search over both names and the code.
 * Native selects: the phone shows its own large picker.
 */
export function CategoryPicker({ value, onChange, error }: CategoryPickerProps) {
  const t = useT()
  const query = useQuery(caseCategoriesQueryOptions())
  const [major, setMajor] = useState('')
  const [text, setText] = useState('')
  const categories = useMemo(() => query.data ?? [], [query.data])
  const majors = useMemo(() => {
    const seen = new Map<string, string>()
    // 部件 and 事件 reuse codes (01 is 公用设施 and 市容环境): every key carries the kind.
    for (const c of categories) {
      const key = categoryKey(c.kind, c.majorCode)
      if (!seen.has(key)) seen.set(key, `${t(`caseDetail.kind.${c.kind}`)} · ${c.majorName}`)
    }
    return [...seen]
  }, [categories, t])
  const needle = text.trim().toLowerCase()
  const shown = categories.filter((c) =>
    needle ? matches(c, needle) : major === '' || categoryKey(c.kind, c.majorCode) === major,
  )

  if (query.isError) {
    return (
      <div className="co-field">
        <span className="co-field__label">{t('report.category')}</span>
        <div className="co-field__error" role="alert" data-testid="report-category-error">
          {t('report.categoriesUnavailable')}
        </div>
      </div>
    )
  }
  return (
    <fieldset className="category-picker">
      <legend className="co-field__label">{t('report.category')}</legend>
      <TextField
        label={t('report.categorySearch')}
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('report.categorySearchHint')}
        data-testid="report-category-search"
      />
      {needle ? null : (
        <SelectField
          label={t('report.major')}
          value={major}
          onChange={(e) => setMajor(e.target.value)}
          data-testid="report-major"
        >
          <option value="">{t('report.allMajors')}</option>
          {majors.map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </SelectField>
      )}
      <SelectField
        label={t('report.minor')}
        value={value ? categoryKey(value.kind, value.code) : ''}
        onChange={(e) =>
          onChange(categories.find((c) => categoryKey(c.kind, c.code) === e.target.value) ?? null)
        }
        error={error}
        disabled={query.isPending}
        hint={
          query.isPending
            ? t('common.loading')
            : needle
              ? t('report.matches', { count: shown.length })
              : undefined
        }
        data-testid="report-category"
      >
        <option value="">{t('report.chooseMinor')}</option>
        {value && !shown.includes(value) ? (
          <option value={categoryKey(value.kind, value.code)}>
            {`${value.majorName} · ${value.minorName}`}
          </option>
        ) : null}
        {shown.map((c) => (
          <option key={categoryKey(c.kind, c.code)} value={categoryKey(c.kind, c.code)}>
            {needle || major === '' ? `${c.majorName} · ${c.minorName}` : c.minorName}
          </option>
        ))}
      </SelectField>
    </fieldset>
  )
}
