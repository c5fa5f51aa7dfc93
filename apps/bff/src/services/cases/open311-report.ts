import { CRS_IDS } from '@cityops/domain'
import { z } from 'zod'
import { HttpError } from '../../http/http-error'
import type { CaseCategory } from './case-catalogue'
import type { CaseView } from './case-view'
import { COMPONENT_ID_ATTRIBUTE, requireService } from './open311-services'
import { MediaUrl, type ReportCaseInput } from './case-input'

// GeoReport v2 "POST Service Request" parameters (DOMAIN.md §2.2), form-encoded or JSON; an
// empty form field means "not given". `crs` is our extension for GCJ-02 / BD-09 phones.
const blank = (v: unknown) => (v === '' || v === null ? undefined : v)
const text = (max: number) => z.preprocess(blank, z.string().trim().max(max).optional())
const coordinate = (name: string, limit: number) =>
  z.preprocess(
    (v) => (blank(v) === undefined ? undefined : Number(v)),
    z
      .number({ error: `${name} 必须是数字 / ${name} must be a number` })
      .min(-limit, `${name} 超出范围 ±${limit} / ${name} must be within ±${limit}`)
      .max(limit, `${name} 超出范围 ±${limit} / ${name} must be within ±${limit}`)
      .optional(),
  )

const Open311Post = z.object({
  service_code: z.string({ error: 'service_code 必填 / service_code is required' }).trim().min(1),
  lat: coordinate('lat', 90),
  long: coordinate('long', 180),
  address_string: text(300),
  address_id: text(100),
  description: text(4000),
  media_url: z.preprocess(blank, MediaUrl.optional()),
  email: z.preprocess(blank, z.email().max(254).optional()),
  first_name: text(50),
  last_name: text(50),
  phone: text(32),
  device_id: text(128),
  account_id: text(128),
  crs: z.preprocess(
    (v) => (typeof v === 'string' ? blank(v.toUpperCase().replace('-', '')) : blank(v)),
    z.enum(CRS_IDS).default('WGS84'),
  ),
})
type Open311Post = z.output<typeof Open311Post>

/** Turns GeoReport v2 POST parameters into a report; 404 for an unknown service_code. */
export function open311ReportInput(params: Record<string, unknown>): ReportCaseInput {
  const p = Open311Post.parse(params)
  const category = requireService(p.service_code)
  const name = [p.first_name, p.last_name].filter(Boolean).join(' ')
  const componentId = componentIdOf(attributesOf(params), category)
  return {
    kind: category.kind,
    categoryCode: category.code,
    ...(componentId ? { componentId } : {}),
    description: p.description ?? '',
    ...(p.address_string ? { address: p.address_string } : {}),
    location: locationOf(p),
    crs: p.crs,
    ...(p.media_url ? { mediaUrl: p.media_url } : {}),
    channel: 'open311',
    reporter: {
      ...(name ? { name } : {}),
      ...(p.email ? { email: p.email } : {}),
      ...(p.phone ? { phone: p.phone } : {}),
      ...(p.device_id ? { deviceId: p.device_id } : {}),
      ...(p.account_id ? { accountId: p.account_id } : {}),
    },
  }
}

// GeoReport v2 lets a client locate by lat+long, address_string or address_id; we need points.
function locationOf(p: Open311Post): [number, number] {
  if (p.lat !== undefined && p.long !== undefined) return [p.long, p.lat]
  if (p.lat !== undefined || p.long !== undefined) {
    throw new HttpError(400, 'lat 与 long 须同时提供 / Send both lat and long.')
  }
  if (p.address_string || p.address_id) {
    throw new HttpError(
      400,
      '暂不受理仅含地址的上报：本服务离线运行，无法地理编码，请提供 lat 和 long / Address-only requests are not accepted: this server runs offline and cannot geocode addresses. Send lat and long.',
    )
  }
  throw new HttpError(
    400,
    '缺少位置，请提供 lat 和 long / The location is missing: send lat and long.',
  )
}

const ATTRIBUTE_KEY = /^attribute\[([^\]]+)\](?:\[\])?$/

/** `attribute[code]=v` and `attribute[code][]=v` (form), or `"attribute": {code: v}` (JSON). */
function attributesOf(params: Record<string, unknown>): Map<string, string[]> {
  const found = new Map<string, string[]>()
  const add = (code: string, value: unknown) => {
    const values = (Array.isArray(value) ? value : [value]).filter(
      (v): v is string | number => typeof v === 'string' || typeof v === 'number',
    )
    found.set(code, [...(found.get(code) ?? []), ...values.map(String).filter(Boolean)])
  }
  for (const [key, value] of Object.entries(params)) {
    const code = ATTRIBUTE_KEY.exec(key)?.[1]
    if (code) add(code, value)
  }
  const nested = z.record(z.string(), z.unknown()).safeParse(params.attribute)
  if (nested.success) for (const [code, value] of Object.entries(nested.data)) add(code, value)
  return found
}

function componentIdOf(attributes: Map<string, string[]>, category: CaseCategory) {
  for (const code of attributes.keys()) {
    if (code !== COMPONENT_ID_ATTRIBUTE || category.kind !== 'component') {
      throw new HttpError(
        400,
        `该服务没有属性 ${code}，请查看服务定义 / This service has no attribute ${code}: see its service definition.`,
      )
    }
  }
  const values = attributes.get(COMPONENT_ID_ATTRIBUTE) ?? []
  if (values.length > 1) {
    throw new HttpError(
      400,
      `${COMPONENT_ID_ATTRIBUTE} 只能有一个值 / ${COMPONENT_ID_ATTRIBUTE} takes one value.`,
    )
  }
  return values[0]
}

/** GeoReport v2 POST answer: the id at once (we never issue tokens). */
export function open311Receipt(view: CaseView, accountId: string | undefined) {
  const n = view.requestNumber
  return {
    service_request_id: n,
    service_notice: `已收到，编号 ${n}，受理员核实后立案处理 / Received as ${n}; the intake desk will review it before filing.`,
    ...(accountId ? { account_id: accountId } : {}),
  }
}
