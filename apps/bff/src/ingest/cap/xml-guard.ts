import { CapError, quoteForMessage } from './cap-error'

// CAP needs no DTD. Refusing DOCTYPE and ENTITY outright, before any parser sees the text,
// rules out XXE (file:// and http:// entities), billion laughs and DTD fetches. The scan is
// deliberately blunt: the markers are refused even inside comments or CDATA.
const DTD_MARKER = /<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i
const XML_DECLARATION = /^<\?xml\s[^?]*\?>/
const PROCESSING_INSTRUCTION = /<\?\s*([^\s?>]*)/

/** Throws HOSTILE for DTDs, entity declarations and processing instructions. */
export function assertNoHostileMarkup(text: string): void {
  const dtd = DTD_MARKER.exec(text)
  if (dtd) {
    throw new CapError(
      'HOSTILE',
      `拒绝含 <!${dtd[1]?.toUpperCase()}> 的文档：CAP 不需要 DTD，DTD/实体可用于读取服务器文件或耗尽内存；请去掉 DOCTYPE 后重发`,
      `refused a document with <!${dtd[1]?.toUpperCase()}>: CAP needs no DTD, and DTDs/entities can read server files or exhaust memory; resend without the DOCTYPE`,
    )
  }
  const declaration = XML_DECLARATION.exec(text)
  const rest = declaration ? text.slice(declaration[0].length) : text
  const pi = PROCESSING_INSTRUCTION.exec(rest)
  if (pi) {
    const target = (pi[1] ?? '').replace(/[^\w.:-]/g, '').slice(0, 40)
    throw new CapError(
      'HOSTILE',
      `拒绝处理指令 <?${target} …?>：只允许文档开头的 XML 声明；请删除该指令`,
      `refused processing instruction <?${target} …?>: only the XML declaration at the very start is allowed; remove it`,
    )
  }
}

/** The declared XML version must be 1.0, the version CAP documents are written in. */
export function assertXmlVersion(text: string): void {
  const version = /^<\?xml\s[^?]*?version\s*=\s*["']([^"']*)["']/.exec(text)?.[1]
  if (version !== undefined && version !== '1.0') {
    throw new CapError(
      'MALFORMED',
      `不支持 XML 版本 ${quoteForMessage(version)}；请使用 XML 1.0`,
      `XML version ${quoteForMessage(version)} is not supported; use XML 1.0`,
    )
  }
}
