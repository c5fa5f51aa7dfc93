import type { CapAlert, CapWarning } from './cap-schema'
import { readAlert } from './read-alert'
import { validateCapAlert } from './validate-cap'
import { assertNoHostileMarkup, assertXmlVersion } from './xml-guard'
import { DEFAULT_MAX_CAP_BYTES, decodeXmlInput } from './xml-input'
import { parseXmlTree } from './xml-tree'

export interface ParseCapOptions {
  /** Refuse larger documents before decoding them (default 1 MiB). */
  maxBytes?: number
}

/**
 * Parses one CAP 1.2 `<alert>` safely. Throws `CapError`: TOO_LARGE (size), HOSTILE
 * (DOCTYPE/ENTITY/processing instructions, refused before any XML parsing), MALFORMED (not
 * well-formed or not decodable), INVALID (not CAP 1.2 or against the XSD's rules).
 * Tolerated faults (open polygons, `Z` times, …) are listed in `warnings`.
 */
export function parseCapAlert(xml: string | Buffer, options: ParseCapOptions = {}): CapAlert {
  const text = decodeXmlInput(xml, options.maxBytes ?? DEFAULT_MAX_CAP_BYTES)
  assertNoHostileMarkup(text)
  assertXmlVersion(text)
  const root = parseXmlTree(text)
  const warnings: CapWarning[] = []
  return validateCapAlert(readAlert(root, warnings))
}
