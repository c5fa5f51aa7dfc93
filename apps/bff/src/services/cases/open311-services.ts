import { HttpError } from '../../http/http-error'
import {
  CASE_KIND_LABELS,
  caseCategories,
  categoryOfServiceCode,
  serviceCodeOf,
  type CaseCategory,
} from './case-catalogue'

// GeoReport v2 "GET Service List" / "GET Service Definition" (DOMAIN.md §2.2), built from the
// case catalogue. Component services take one attribute, the component's 16-digit id.

export const COMPONENT_ID_ATTRIBUTE = 'component_id'

const serviceCode = (c: CaseCategory) => serviceCodeOf({ kind: c.kind, categoryCode: c.code })

/** Answers 404 in the Open311 format for a service_code we do not offer (GeoReport v2 errors). */
export function requireService(code: string): CaseCategory {
  const category = categoryOfServiceCode(code)
  if (!category) {
    throw new HttpError(
      404,
      `没有服务代码 ${code}，请查看 services.json / service_code ${code} not found: see services.json.`,
    )
  }
  return category
}

export function open311Services() {
  return caseCategories().map((c) => {
    const kind = CASE_KIND_LABELS[c.kind]
    return {
      service_code: serviceCode(c),
      service_name: `${c.zh} / ${c.en}`,
      description: `${kind.zh}·${c.majorZh}·${c.zh}（${kind.en}: ${c.en}）`,
      // true = GET services/{code}.json lists attributes worth asking for
      metadata: c.kind === 'component',
      // realtime: POST answers with the service_request_id at once (no tokens)
      type: 'realtime' as const,
      keywords: [c.zh, c.en, c.majorZh, kind.zh].join(','),
      group: `${kind.zh}/${c.majorZh}`,
    }
  })
}

/** Events have no attributes; they still answer (empty list) rather than 404, to spare clients. */
export function open311ServiceDefinition(code: string) {
  const category = requireService(code)
  const attributes =
    category.kind === 'component'
      ? [
          {
            variable: true,
            code: COMPONENT_ID_ATTRIBUTE,
            datatype: 'string' as const,
            required: false,
            datatype_description:
              '16 位数字：行政区划 6 + 大类 2 + 小类 2 + 序号 6 / 16 digits: admin code 6 + major 2 + minor 2 + sequence 6',
            order: 1,
            description:
              '部件标识牌上的编号（如有）/ The number on the component’s tag, if there is one',
          },
        ]
      : []
  return { service_code: serviceCode(category), attributes }
}
