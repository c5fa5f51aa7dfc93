import { readCapCircle, readCapPolygon } from './cap-geometry'
import type { CapWarning } from './cap-schema'
import { CAP_DATE_TIME_PATTERN } from './cap-time'
import { capChildren, manyTexts, optionalNumber, singleText, valuePairs } from './xml-read'
import type { XmlElement } from './xml-tree'

// Builds plain candidate objects from <info>, <resource> and <area>; the Zod schema then
// checks enumerations and required elements, so this file only knows the shapes.

/** A date-time outside the strict §3.3.2 form is kept but noted (real feeds send `Z`). */
export function readDateTime(
  parent: XmlElement,
  name: string,
  path: string,
  warnings: CapWarning[],
): string | undefined {
  const text = singleText(parent, name, path)
  if (text !== undefined && !CAP_DATE_TIME_PATTERN.test(text)) {
    warnings.push({
      path: `${path}/${name}`,
      message: `时间 ${text} 不符合 CAP 1.2 §3.3.2（应为 YYYY-MM-DDThh:mm:ss±hh:mm） / date-time ${text} is not in the CAP 1.2 §3.3.2 form`,
    })
  }
  return text
}

function readArea(area: XmlElement, path: string, warnings: CapWarning[]) {
  const polygons = capChildren(area, 'polygon').flatMap((el, i) => {
    const ring =
      el.text === '' ? undefined : readCapPolygon(el.text, `${path}/polygon[${i + 1}]`, warnings)
    return ring ? [ring] : []
  })
  const circles = capChildren(area, 'circle').flatMap((el, i) => {
    const circle =
      el.text === '' ? undefined : readCapCircle(el.text, `${path}/circle[${i + 1}]`, warnings)
    return circle ? [circle] : []
  })
  return {
    areaDesc: singleText(area, 'areaDesc', path),
    polygons,
    circles,
    geocodes: valuePairs(area, 'geocode', path),
    altitude: optionalNumber(singleText(area, 'altitude', path)),
    ceiling: optionalNumber(singleText(area, 'ceiling', path)),
  }
}

function readResource(resource: XmlElement, path: string) {
  return {
    resourceDesc: singleText(resource, 'resourceDesc', path),
    mimeType: singleText(resource, 'mimeType', path),
    size: optionalNumber(singleText(resource, 'size', path)),
    uri: singleText(resource, 'uri', path),
    derefUri: singleText(resource, 'derefUri', path),
    digest: singleText(resource, 'digest', path),
  }
}

/** §3.2.2 <info> and its §3.2.3 <resource> / §3.2.4 <area> children. */
export function readInfo(info: XmlElement, path: string, warnings: CapWarning[]) {
  const text = (name: string) => singleText(info, name, path)
  const time = (name: string) => readDateTime(info, name, path, warnings)
  return {
    language: text('language'),
    category: manyTexts(info, 'category'),
    event: text('event'),
    responseType: manyTexts(info, 'responseType'),
    urgency: text('urgency'),
    severity: text('severity'),
    certainty: text('certainty'),
    audience: text('audience'),
    eventCode: valuePairs(info, 'eventCode', path),
    effective: time('effective'),
    onset: time('onset'),
    expires: time('expires'),
    senderName: text('senderName'),
    headline: text('headline'),
    description: text('description'),
    instruction: text('instruction'),
    web: text('web'),
    contact: text('contact'),
    parameter: valuePairs(info, 'parameter', path),
    resources: capChildren(info, 'resource').map((el, i) =>
      readResource(el, `${path}/resource[${i + 1}]`),
    ),
    areas: capChildren(info, 'area').map((el, i) =>
      readArea(el, `${path}/area[${i + 1}]`, warnings),
    ),
  }
}
