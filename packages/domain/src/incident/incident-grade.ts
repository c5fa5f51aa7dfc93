// Four grades of 突发事件 (国家突发公共事件总体应急预案); Ⅰ is the most severe.
export const INCIDENT_GRADES = ['I', 'II', 'III', 'IV'] as const
export type IncidentGrade = (typeof INCIDENT_GRADES)[number]

export interface IncidentGradeStyle {
  zh: string
  en: string
  roman: string
  colorName: string
  /** Background colour; always shown together with the text label, never alone. */
  color: string
  /** Text colour on `color`, chosen for a WCAG 2 contrast ratio ≥ 4.5:1. */
  textColor: string
}

// Red/orange/yellow/blue per 突发事件应对法 (2007) Art. 42; no official hex exists, so these
// are our own accessible shades (checked in incident.test.ts).
export const INCIDENT_GRADE_STYLES = {
  I: {
    zh: '特别重大',
    en: 'Extraordinarily serious',
    roman: 'Ⅰ级',
    colorName: '红色',
    color: '#C62828',
    textColor: '#FFFFFF',
  },
  II: {
    zh: '重大',
    en: 'Serious',
    roman: 'Ⅱ级',
    colorName: '橙色',
    color: '#F57C00',
    textColor: '#000000',
  },
  III: {
    zh: '较大',
    en: 'Relatively serious',
    roman: 'Ⅲ级',
    colorName: '黄色',
    color: '#FFD600',
    textColor: '#1A1A1A',
  },
  IV: {
    zh: '一般',
    en: 'General',
    roman: 'Ⅳ级',
    colorName: '蓝色',
    color: '#1565C0',
    textColor: '#FFFFFF',
  },
} as const satisfies Record<IncidentGrade, IncidentGradeStyle>

/** True when `a` is more severe than `b` (Ⅰ > Ⅱ > Ⅲ > Ⅳ). */
export function isMoreSevereGrade(a: IncidentGrade, b: IncidentGrade): boolean {
  return INCIDENT_GRADES.indexOf(a) < INCIDENT_GRADES.indexOf(b)
}
