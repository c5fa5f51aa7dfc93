import { CapError } from './cap-error'
import { CAP_NAMESPACE } from './cap-enums'
import type { CapValuePair } from './cap-schema'
import type { XmlElement } from './xml-tree'

// Helpers that read CAP-namespace children; elements of other namespaces (and unknown CAP
// names) are simply never asked for, which is how extensions are ignored.

export function capChildren(parent: XmlElement, name: string): XmlElement[] {
  return parent.children.filter((child) => child.ns === CAP_NAMESPACE && child.name === name)
}

/** The trimmed text of a child the XSD allows at most once; empty counts as absent. */
export function singleText(parent: XmlElement, name: string, path: string): string | undefined {
  const found = capChildren(parent, name)
  if (found.length > 1) {
    throw new CapError(
      'INVALID',
      `${path}/${name} 只能出现一次，却出现了 ${found.length} 次`,
      `${path}/${name} may appear once but appears ${found.length} times`,
      `${path}/${name}`,
    )
  }
  const text = found[0]?.text
  return text === undefined || text === '' ? undefined : text
}

/** Texts of a repeatable child, skipping empty ones (e.g. `<polygon/>`). */
export function manyTexts(parent: XmlElement, name: string): string[] {
  return capChildren(parent, name)
    .map((child) => child.text)
    .filter((text) => text !== '')
}

/** §3.2.2 eventCode / parameter and §3.2.4 geocode: `<valueName>` + `<value>` pairs. */
export function valuePairs(parent: XmlElement, name: string, path: string): CapValuePair[] {
  return capChildren(parent, name).map((child, index) => {
    const at = `${path}/${name}[${index + 1}]`
    return {
      valueName: singleText(child, 'valueName', at) ?? '',
      value: singleText(child, 'value', at) ?? '',
    }
  })
}

/** Numbers such as altitude or size; unparsable text stays as NaN so the schema names it. */
export function optionalNumber(text: string | undefined): number | undefined {
  return text === undefined ? undefined : Number(text)
}
