import {
  adminAreaName,
  INCIDENT_CATEGORY_LABELS,
  INCIDENT_GRADE_STYLES,
  type Incident,
} from '@cityops/domain'
import { CapError } from './cap-error'
import type { CapMsgType, CapStatus } from './cap-enums'
import { buildCapIdentifier, type CapIdentifierParts } from './cap-identifier'
import { CATEGORY_TO_CAP, GRADE_TO_SEVERITY, STATUS_TO_CAP } from './cap-mappings'
import type { CapAlert, CapArea, CapInfo, CapReference } from './cap-schema'
import { formatCapDateTime } from './cap-time'
import { validateCapAlert } from './validate-cap'

export const DEFAULT_CAP_SENDER = 'cityops@zhengzhou.gov.cn'
export const DEFAULT_CAP_SENDER_NAME = '郑州市城市运行指挥中心'
/** [U] No geocode name for GB/T 2260 codes was found in CAP profiles; configurable. */
export const DEFAULT_ADMIN_GEOCODE_NAME = 'GB/T 2260'

export interface IncidentToCapOptions {
  /** Becomes `sent` and the identifier's entry time (time is a parameter, not a clock). */
  sentAt: Date
  sender?: string
  senderName?: string
  /** Identifier parts; the sequence digit (0–9) separates alerts sent in the same second. */
  identifier?: CapIdentifierParts
  status?: CapStatus
  msgType?: CapMsgType
  /** Required for Update and Cancel (§3.2.1): the alerts this one replaces. */
  references?: CapReference[]
  /** Radius of the area circle around the incident point (default 1 km). */
  radiusKm?: number
  expiresAt?: Date
  geocodeValueName?: string
  /** Adds an en-US <info>; the headline defaults to category and grade in English. */
  english?: { headline?: string; description?: string }
}

function area(incident: Incident, options: IncidentToCapOptions): CapArea {
  const district = incident.districtCode
  return {
    areaDesc: incident.address ?? (district ? adminAreaName(district) : undefined) ?? '郑州市',
    polygons: [],
    circles: [{ center: incident.location.coordinates, radiusKm: options.radiusKm ?? 1 }],
    geocodes: district
      ? [{ valueName: options.geocodeValueName ?? DEFAULT_ADMIN_GEOCODE_NAME, value: district }]
      : [],
  }
}

/** Maps an incident to a CAP 1.2 alert (pass it to buildCapAlert for the XML). */
export function incidentToCap(incident: Incident, options: IncidentToCapOptions): CapAlert {
  const msgType = options.msgType ?? 'Alert'
  const references = options.references ?? []
  if ((msgType === 'Update' || msgType === 'Cancel') && references.length === 0) {
    throw new CapError(
      'INVALID',
      `${msgType} 必须在 references 中指明被更新/取消的警报`,
      `${msgType} needs references naming the alert it updates or cancels`,
      'alert/references',
    )
  }
  const grade = INCIDENT_GRADE_STYLES[incident.grade]
  const label = INCIDENT_CATEGORY_LABELS[incident.category]
  const lifecycle = STATUS_TO_CAP[incident.status]
  const common = {
    category: [...CATEGORY_TO_CAP[incident.category]],
    responseType: [...lifecycle.responseType],
    urgency: lifecycle.urgency,
    severity: GRADE_TO_SEVERITY[incident.grade],
    certainty: lifecycle.certainty,
    eventCode: [],
    expires: options.expiresAt ? formatCapDateTime(options.expiresAt) : undefined,
    parameter: [{ valueName: 'cityops:incidentId', value: incident.id }],
    resources: [],
    areas: [area(incident, options)],
  }
  const zh: CapInfo = {
    ...common,
    language: 'zh-CN',
    event: label.zh,
    senderName: options.senderName ?? DEFAULT_CAP_SENDER_NAME,
    headline: `【${grade.colorName}·${grade.roman}${grade.zh}】${incident.title}`,
    description: incident.description === '' ? undefined : incident.description,
  }
  const en: CapInfo | undefined = options.english && {
    ...common,
    language: 'en-US',
    event: label.en,
    headline: options.english.headline ?? `${label.en} — grade ${incident.grade} (${grade.en})`,
    description: options.english.description,
  }
  return validateCapAlert({
    identifier: buildCapIdentifier(options.identifier ?? {}, options.sentAt),
    sender: options.sender ?? DEFAULT_CAP_SENDER,
    sent: formatCapDateTime(options.sentAt),
    status: options.status ?? 'Actual',
    msgType,
    scope: 'Public',
    references,
    // §3.2.1 incidents: whitespace-delimited, so an id with spaces is quoted.
    incidents: /\s/.test(incident.id) ? `"${incident.id}"` : incident.id,
    infos: en ? [zh, en] : [zh],
  })
}
