import { CAP_NAMESPACE } from './cap-enums'
import { formatCapCircle, formatCapPolygon, formatDecimal } from './cap-geometry'
import type { CapAlertInput, CapArea, CapInfo, CapResource, CapValuePair } from './cap-schema'
import { BEIJING_OFFSET_MINUTES, formatCapDateTime } from './cap-time'
import { validateCapAlert } from './validate-cap'
import { escapeXmlText } from './xml-text'

export interface BuildCapOptions {
  /** Offset for date-times not already in CAP form (default +08:00, Beijing). */
  utcOffsetMinutes?: number
}

type Line = string | undefined
const INDENT = '  '

function leaf(depth: number, name: string, value: string | number | undefined): Line {
  if (value === undefined) return undefined
  const text = typeof value === 'number' ? formatDecimal(value) : escapeXmlText(value)
  return `${INDENT.repeat(depth)}<${name}>${text}</${name}>`
}

function block(depth: number, name: string, body: readonly Line[]): Line[] {
  const pad = INDENT.repeat(depth)
  return [`${pad}<${name}>`, ...body, `${pad}</${name}>`]
}

const pairs = (depth: number, name: string, list: readonly CapValuePair[]): Line[] =>
  list.flatMap((p) =>
    block(depth, name, [
      leaf(depth + 1, 'valueName', p.valueName),
      leaf(depth + 1, 'value', p.value),
    ]),
  )

// Element order below follows the XSD <sequence>s exactly; any other order is invalid.

function resourceLines(r: CapResource, d: number): Line[] {
  return block(d, 'resource', [
    leaf(d + 1, 'resourceDesc', r.resourceDesc),
    leaf(d + 1, 'mimeType', r.mimeType),
    r.size === undefined ? undefined : leaf(d + 1, 'size', String(r.size)),
    leaf(d + 1, 'uri', r.uri),
    leaf(d + 1, 'derefUri', r.derefUri),
    leaf(d + 1, 'digest', r.digest),
  ])
}

function areaLines(a: CapArea, d: number): Line[] {
  return block(d, 'area', [
    leaf(d + 1, 'areaDesc', a.areaDesc),
    ...a.polygons.map((ring) => leaf(d + 1, 'polygon', formatCapPolygon(ring))),
    ...a.circles.map((circle) => leaf(d + 1, 'circle', formatCapCircle(circle))),
    ...pairs(d + 1, 'geocode', a.geocodes),
    leaf(d + 1, 'altitude', a.altitude),
    leaf(d + 1, 'ceiling', a.ceiling),
  ])
}

function infoLines(i: CapInfo, time: (v: string | undefined) => string | undefined): Line[] {
  const d = 2
  return block(1, 'info', [
    leaf(d, 'language', i.language),
    ...i.category.map((c) => leaf(d, 'category', c)),
    leaf(d, 'event', i.event),
    ...i.responseType.map((r) => leaf(d, 'responseType', r)),
    leaf(d, 'urgency', i.urgency),
    leaf(d, 'severity', i.severity),
    leaf(d, 'certainty', i.certainty),
    leaf(d, 'audience', i.audience),
    ...pairs(d, 'eventCode', i.eventCode),
    leaf(d, 'effective', time(i.effective)),
    leaf(d, 'onset', time(i.onset)),
    leaf(d, 'expires', time(i.expires)),
    leaf(d, 'senderName', i.senderName),
    leaf(d, 'headline', i.headline),
    leaf(d, 'description', i.description),
    leaf(d, 'instruction', i.instruction),
    leaf(d, 'web', i.web),
    leaf(d, 'contact', i.contact),
    ...pairs(d, 'parameter', i.parameter),
    ...i.resources.flatMap((r) => resourceLines(r, d)),
    ...i.areas.flatMap((a) => areaLines(a, d)),
  ])
}

/**
 * Writes a CAP 1.2 document that validates against the OASIS XSD. The input is checked with
 * the same schema the parser uses (CapError INVALID). `signed` and `warnings` are not
 * written: this codec never signs.
 */
export function buildCapAlert(input: CapAlertInput, options: BuildCapOptions = {}): string {
  const alert = validateCapAlert(input)
  const offset = options.utcOffsetMinutes ?? BEIJING_OFFSET_MINUTES
  const time = (v: string | undefined) =>
    v === undefined ? undefined : formatCapDateTime(v, offset)
  // §3.2.1 references: "sender,identifier,sent" triples separated by whitespace.
  const references = alert.references
    .map((r) => `${r.sender},${r.identifier},${formatCapDateTime(r.sent, offset)}`)
    .join(' ')
  const lines: Line[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<alert xmlns="${CAP_NAMESPACE}">`,
    leaf(1, 'identifier', alert.identifier),
    leaf(1, 'sender', alert.sender),
    leaf(1, 'sent', time(alert.sent)),
    leaf(1, 'status', alert.status),
    leaf(1, 'msgType', alert.msgType),
    leaf(1, 'source', alert.source),
    leaf(1, 'scope', alert.scope),
    leaf(1, 'restriction', alert.restriction),
    leaf(1, 'addresses', alert.addresses),
    ...alert.code.map((c) => leaf(1, 'code', c)),
    leaf(1, 'note', alert.note),
    references === '' ? undefined : leaf(1, 'references', references),
    leaf(1, 'incidents', alert.incidents),
    ...alert.infos.flatMap((info) => infoLines(info, time)),
    '</alert>',
  ]
  return `${lines.filter((line) => line !== undefined).join('\n')}\n`
}
