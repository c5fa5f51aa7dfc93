import {
  INCIDENT_CATEGORIES,
  INCIDENT_CATEGORY_LABELS,
  INCIDENT_GRADES,
  indicatorById,
} from '@cityops/domain'
import { SelectField, TextField } from '@cityops/ui'
import { useLabel, useT } from '../../i18n'
import { useCaseNames } from '../cases/use-case-names'
import { COMPARE_MODES, type ThematicView } from './thematic-url'

type Props = { view: ThematicView; onChange: (patch: Partial<ThematicView>) => void }

/** The filters the indicator understands (IndicatorDefinition.filters); others are not shown. */
export function FilterFields({ view, onChange }: Props) {
  const t = useT()
  const label = useLabel()
  const names = useCaseNames()
  const filters: readonly string[] = indicatorById(view.indicator)?.filters ?? []
  const majors = [...new Map(names.categories.map((c) => [c.majorCode, c.majorName])).entries()]
  return (
    <>
      {filters.includes('incidentCategory') ? (
        <SelectField
          label={t('thematic.filter.incidentCategory')}
          value={view.incidentCategory}
          data-testid="incident-category-select"
          onChange={(e) => onChange({ incidentCategory: e.target.value })}
        >
          <option value="">{t('thematic.filter.all')}</option>
          {INCIDENT_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {label(INCIDENT_CATEGORY_LABELS[c])}
            </option>
          ))}
        </SelectField>
      ) : null}
      {filters.includes('incidentGrade') ? (
        <SelectField
          label={t('thematic.filter.incidentGrade')}
          value={view.incidentGrade}
          data-testid="incident-grade-select"
          onChange={(e) => onChange({ incidentGrade: e.target.value })}
        >
          <option value="">{t('thematic.filter.all')}</option>
          {INCIDENT_GRADES.map((g) => (
            <option key={g} value={g}>
              {t('thematic.filter.grade', { grade: g })}
            </option>
          ))}
        </SelectField>
      ) : null}
      {filters.includes('caseCategory') ? (
        <SelectField
          label={t('thematic.filter.caseCategory')}
          value={view.caseCategory}
          data-testid="case-category-select"
          onChange={(e) => onChange({ caseCategory: e.target.value })}
        >
          <option value="">{t('thematic.filter.all')}</option>
          {majors.map(([code, name]) => (
            <option key={code} value={code}>
              {`${code} ${name}`}
            </option>
          ))}
        </SelectField>
      ) : null}
    </>
  )
}

/** The second period: none, the one just before, or one of the leader's choosing. */
export function CompareFields({ view, onChange }: Props) {
  const t = useT()
  return (
    <>
      <SelectField
        label={t('thematic.compare')}
        value={view.compare}
        data-testid="compare-select"
        onChange={(e) => {
          const compare = COMPARE_MODES.find((m) => m === e.target.value)
          if (compare !== undefined) onChange({ compare })
        }}
      >
        {COMPARE_MODES.map((m) => (
          <option key={m} value={m}>
            {t(`thematic.compare.${m || 'off'}`)}
          </option>
        ))}
      </SelectField>
      {view.compare === 'custom' ? (
        <>
          <TextField
            label={t('thematic.compareFrom')}
            type="datetime-local"
            value={view.compareFrom}
            data-testid="compare-from"
            onChange={(e) => onChange({ compareFrom: e.target.value })}
          />
          <TextField
            label={t('thematic.compareTo')}
            type="datetime-local"
            value={view.compareTo}
            data-testid="compare-to"
            onChange={(e) => onChange({ compareTo: e.target.value })}
          />
        </>
      ) : null}
    </>
  )
}
