import type { z } from 'zod'
import { CapError, quoteForMessage } from './cap-error'
import { CapAlert } from './cap-schema'

// Our property names → CAP element names, so errors point at the XML a person can open.
const ELEMENT_NAMES: Readonly<Record<string, string>> = {
  infos: 'info',
  areas: 'area',
  resources: 'resource',
  polygons: 'polygon',
  circles: 'circle',
  geocodes: 'geocode',
}

/** `['infos', 0, 'severity']` → `alert/info[1]/severity` (CAP counts from 1, like XPath). */
export function toElementPath(path: readonly PropertyKey[]): string {
  let out = 'alert'
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment + 1}]`
    else out += `/${ELEMENT_NAMES[String(segment)] ?? String(segment)}`
  }
  return out
}

function describe(issue: z.core.$ZodIssue | undefined): { zh: string; en: string } {
  if (issue === undefined) return { zh: '未知错误', en: 'unknown problem' }
  if (issue.input === undefined) return { zh: '缺少必填元素', en: 'required element is missing' }
  const got = typeof issue.input === 'string' ? quoteForMessage(issue.input) : String(issue.input)
  if (issue.code === 'invalid_value') {
    const allowed = issue.values.map(String).join(', ')
    return { zh: `值 ${got} 不在允许值 ${allowed} 中`, en: `${got} is not one of ${allowed}` }
  }
  return {
    zh: `值 ${got} 不合规（${issue.message}）`,
    en: `${got} is not allowed (${issue.message})`,
  }
}

/** Checks a candidate alert against the CAP 1.2 rules the XSD states; INVALID otherwise. */
export function validateCapAlert(candidate: unknown): CapAlert {
  const result = CapAlert.safeParse(candidate, { reportInput: true })
  if (result.success) return result.data
  const issue = result.error.issues[0]
  const path = toElementPath(issue?.path ?? [])
  const { zh, en } = describe(issue)
  throw new CapError(
    'INVALID',
    `CAP 1.2 元素 ${path} 无效：${zh}；请按 CAP 1.2 规范更正`,
    `CAP 1.2 element ${path} is invalid: ${en}; correct it per the CAP 1.2 schema`,
    path,
  )
}
