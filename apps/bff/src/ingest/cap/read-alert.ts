import { CapError, quoteForMessage } from './cap-error'
import { CAP_NAMESPACE, XMLDSIG_NAMESPACE } from './cap-enums'
import type { CapWarning } from './cap-schema'
import { readDateTime, readInfo } from './read-info'
import { capChildren, manyTexts, singleText } from './xml-read'
import type { XmlElement } from './xml-tree'

// CAP 1.1 and CAP 1.0 (which used an incident.com namespace).
const OLDER_CAP = /^(urn:oasis:names:tc:emergency:cap:1\.1|http:\/\/www\.incident\.com\/cap\/1\.0)$/

/** The root must be `alert` in the CAP 1.2 namespace (prefix free, e.g. `cap:alert`). */
function assertCap12Root(root: XmlElement): void {
  if (root.name === 'alert' && root.ns === CAP_NAMESPACE) return
  const found = (none: string) =>
    `<${root.name.slice(0, 40)}> (${root.ns ? quoteForMessage(root.ns, 80) : none})`
  const isOlder = root.ns !== undefined && OLDER_CAP.test(root.ns)
  throw new CapError(
    'INVALID',
    `${isOlder ? '这是旧版 CAP：' : ''}不是 CAP 1.2 文档：根元素应为命名空间 ${CAP_NAMESPACE} 中的 <alert>，实际为 ${found('无命名空间')}；请发送 CAP 1.2`,
    `${isOlder ? 'this is an older CAP version: ' : ''}not a CAP 1.2 document: the root must be <alert> in ${CAP_NAMESPACE}, found ${found('no namespace')}; send CAP 1.2`,
    'alert',
  )
}

/** §3.2.1 references: whitespace-separated "sender,identifier,sent" triples. */
function readReferences(text: string | undefined) {
  if (text === undefined) return []
  return text.split(/\s+/).map((triple, index) => {
    const parts = triple.split(',')
    if (parts.length !== 3) {
      const path = `alert/references[${index + 1}]`
      throw new CapError(
        'INVALID',
        `${path} 应为"发送者,标识符,发送时间"，实际为 ${quoteForMessage(triple)}`,
        `${path} must be "sender,identifier,sent", found ${quoteForMessage(triple)}`,
        path,
      )
    }
    const [sender, identifier, sent] = parts
    return { sender, identifier, sent }
  })
}

/** Reads a namespace-resolved tree into a candidate CapAlert (validated afterwards). */
export function readAlert(root: XmlElement, warnings: CapWarning[]) {
  assertCap12Root(root)
  const path = 'alert'
  const text = (name: string) => singleText(root, name, path)
  const msgType = text('msgType')
  const references = readReferences(text('references'))
  if ((msgType === 'Update' || msgType === 'Cancel') && references.length === 0) {
    warnings.push({
      path: 'alert/references',
      message: `${msgType} 消息缺少 <references>，无法关联原警报 / ${msgType} without <references> cannot be linked to the original alert`,
    })
  }
  return {
    identifier: text('identifier'),
    sender: text('sender'),
    sent: readDateTime(root, 'sent', path, warnings),
    status: text('status'),
    msgType,
    source: text('source'),
    scope: text('scope'),
    restriction: text('restriction'),
    addresses: text('addresses'),
    code: manyTexts(root, 'code'),
    note: text('note'),
    references,
    incidents: text('incidents'),
    infos: capChildren(root, 'info').map((info, i) =>
      readInfo(info, `${path}/info[${i + 1}]`, warnings),
    ),
    // The XSD ends <alert> with an xmldsig <any>: an enveloped <Signature> (not verified here).
    signed: root.children.some((c) => c.ns === XMLDSIG_NAMESPACE && c.name === 'Signature'),
    warnings,
  }
}
