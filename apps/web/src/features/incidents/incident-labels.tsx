import {
  ASSIGNMENT_STATUS_LABELS,
  INCIDENT_CATEGORY_LABELS,
  INCIDENT_GRADE_STYLES,
  type AssignmentStatus,
  type IncidentCategory,
  type IncidentGrade,
} from '@cityops/domain'
import { useLabel } from '../../i18n'
import { useAppStore } from '../../stores/app-store'

// Ⅰ级 … Ⅳ级 in Chinese; "Grade I" … in English (the plan's own numbering either way).
function useGradeShort() {
  const locale = useAppStore((s) => s.locale)
  return (g: IncidentGrade) => (locale === 'zh-CN' ? INCIDENT_GRADE_STYLES[g].roman : `Grade ${g}`)
}

/** Ⅰ–Ⅳ级 on its warning colour, always with the words (colour is never the only cue). */
export function GradeBadge({ grade }: { grade: IncidentGrade }) {
  const label = useLabel()
  const short = useGradeShort()
  const style = INCIDENT_GRADE_STYLES[grade]
  return (
    <span
      className="incident-grade"
      style={{ background: style.color, color: style.textColor }}
      title={label(style)}
      data-testid="incident-grade"
    >
      {short(grade)}
    </span>
  )
}

export function useIncidentNames() {
  const label = useLabel()
  const short = useGradeShort()
  return {
    category: (c: string) =>
      c in INCIDENT_CATEGORY_LABELS ? label(INCIDENT_CATEGORY_LABELS[c as IncidentCategory]) : c,
    grade: (g: IncidentGrade) => `${short(g)} · ${label(INCIDENT_GRADE_STYLES[g])}`,
    step: (s: AssignmentStatus) => label(ASSIGNMENT_STATUS_LABELS[s]),
  }
}
