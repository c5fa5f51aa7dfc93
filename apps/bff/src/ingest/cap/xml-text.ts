import { CapError, quoteForMessage } from './cap-error'

const PREDEFINED: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  apos: "'",
  quot: '"',
}

// XML 1.0 §2.2 Char; anything else (NUL, most C0 controls, lone surrogates) cannot be written.
const INVALID_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  )
}

/**
 * Decodes the five predefined entities and character references. With DOCTYPE refused,
 * any other `&name;` is undeclared, so the document is not well-formed (XML 1.0 §4.1 WFC).
 */
export function decodeXmlText(raw: string): string {
  return raw.replace(/&([^;&\s]{0,12})(;?)/g, (match, name: string, semi: string) => {
    const predefined = PREDEFINED[name]
    if (semi && predefined !== undefined) return predefined
    const numeric = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(name)
    const hex = numeric?.[1]
    const dec = numeric?.[2]
    const codePoint = hex ? parseInt(hex, 16) : dec ? parseInt(dec, 10) : NaN
    if (semi && isXmlChar(codePoint)) return String.fromCodePoint(codePoint)
    throw new CapError(
      'MALFORMED',
      `XML 含未声明的实体或非法字符引用 ${quoteForMessage(match)}；文字中的 & 请写作 &amp;`,
      `the XML has an undeclared entity or bad character reference ${quoteForMessage(match)}; write a literal & as &amp;`,
    )
  })
}

/** Escapes element text; characters XML 1.0 cannot carry at all are removed. */
export function escapeXmlText(value: string): string {
  return value
    .replace(INVALID_XML_CHARS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
}
