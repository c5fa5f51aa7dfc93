import {
  ASSIGNMENT_STATUS_LABELS,
  INCIDENT_CATEGORY_LABELS,
  INCIDENT_GRADE_STYLES,
  type AssignmentStatus,
  type IncidentCategory,
  type IncidentGrade,
} from '@cityops/domain'
import { useLabel } from '../../i18n'

/** Ⅰ–Ⅳ级 on its warning colour, always with the words (colour is never the only cue). */
export function GradeBadge({ grade }: { grade: IncidentGrade }) {
  const label = useLabel()
  const style = INCIDENT_GRADE_STYLES[grade]
  return (
    <span
      className="incident-grade"
      style={{ background: style.color, color: style.textColor }}
      title={label(style)}
      data-testid="incident-grade"
    >
      {style.roman}
    </span>
  )
}

export function useIncidentNames() {
  const label = useLabel()
  return {
    category: (c: string) =>
      c in INCIDENT_CATEGORY_LABELS ? label(INCIDENT_CATEGORY_LABELS[c as IncidentCategory]) : c,
    grade: (g: IncidentGrade) =>
      `${INCIDENT_GRADE_STYLES[g].roman} · ${label(INCIDENT_GRADE_STYLES[g])}`,
    step: (s: AssignmentStatus) => label(ASSIGNMENT_STATUS_LABELS[s]),
  }
}
