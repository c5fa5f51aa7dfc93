import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { CapError, quoteForMessage } from './cap-error'
import { decodeXmlText } from './xml-text'

/** An element with its namespace resolved; `text` is its own trimmed character data. */
export interface XmlElement {
  readonly ns: string | undefined
  readonly name: string
  readonly children: readonly XmlElement[]
  readonly text: string
}

type OrderedNode = Record<string, unknown>
type Scope = ReadonlyMap<string, string>

// Entities are left raw (processEntities: false) and decoded by decodeXmlText, which knows
// only the five predefined ones; CDATA is kept apart so it is never entity-decoded.
const PARSER = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  htmlEntities: false,
  trimValues: false,
  cdataPropName: '#cdata',
  ignoreDeclaration: true,
  maxNestedTags: 32,
})

function malformed(detail: string): never {
  throw new CapError(
    'MALFORMED',
    `XML 格式错误：${detail}；请检查标签是否成对、转义是否正确`,
    `malformed XML: ${detail}; check that tags are balanced and text is escaped`,
  )
}

function isObject(value: unknown): value is OrderedNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function asNodes(value: unknown): OrderedNode[] {
  return Array.isArray(value) ? value.filter(isObject) : []
}

function nodeText(nodes: OrderedNode[]): string {
  return nodes
    .map((node) => {
      if (typeof node['#text'] === 'string') return decodeXmlText(node['#text'])
      if ('#cdata' in node) return asNodes(node['#cdata']).map((c) => String(c['#text'] ?? ''))
      return ''
    })
    .flat()
    .join('')
}

function openScope(attributes: unknown, parent: Scope): Scope {
  if (!isObject(attributes)) return parent
  const scope = new Map(parent)
  for (const [key, value] of Object.entries(attributes)) {
    if (typeof value !== 'string') continue
    if (key === 'xmlns') scope.set('', decodeXmlText(value))
    else if (key.startsWith('xmlns:')) scope.set(key.slice(6), decodeXmlText(value))
  }
  return scope
}

function toElement(node: OrderedNode, parent: Scope): XmlElement | undefined {
  const qname = Object.keys(node).find(
    (key) => key !== ':@' && !key.startsWith('#') && !key.startsWith('?'),
  )
  if (qname === undefined) return undefined
  const scope = openScope(node[':@'], parent)
  const colon = qname.indexOf(':')
  const prefix = colon === -1 ? '' : qname.slice(0, colon)
  const ns = scope.get(prefix)
  if (prefix !== '' && ns === undefined) {
    malformed(`namespace prefix ${quoteForMessage(prefix)} is not declared`)
  }
  const childNodes = asNodes(node[qname])
  const children: XmlElement[] = []
  for (const child of childNodes) {
    const element = toElement(child, scope)
    if (element) children.push(element)
  }
  const text = nodeText(childNodes).trim()
  return { ns: ns === '' ? undefined : ns, name: qname.slice(colon + 1), children, text }
}

/** Parses well-formed XML into a namespace-aware element tree and returns the root. */
export function parseXmlTree(text: string): XmlElement {
  const verdict = XMLValidator.validate(text)
  if (verdict !== true) malformed(`${verdict.err.msg} (line ${verdict.err.line})`)
  let nodes: OrderedNode[]
  try {
    nodes = asNodes(PARSER.parse(text))
  } catch (error) {
    malformed(error instanceof Error ? error.message : 'unreadable document')
  }
  const roots = nodes
    .map((node) => toElement(node, new Map()))
    .filter((el): el is XmlElement => !!el)
  const root = roots[0]
  if (root === undefined || roots.length > 1) malformed('a document needs exactly one root element')
  return root
}
