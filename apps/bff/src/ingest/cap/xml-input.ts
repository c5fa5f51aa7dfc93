import { CapError, quoteForMessage } from './cap-error'

export const DEFAULT_MAX_CAP_BYTES = 1024 * 1024

// GB2312 and GBK are subsets of GB18030, which WHATWG TextDecoder (Node's ICU) decodes.
const ENCODINGS: Readonly<Record<string, 'utf-8' | 'gb18030'>> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'us-ascii': 'utf-8',
  ascii: 'utf-8',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  cp936: 'gb18030',
  'x-gbk': 'gb18030',
  gb18030: 'gb18030',
}

const DECLARED_ENCODING = /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/

function refuseEncoding(label: string): never {
  throw new CapError(
    'MALFORMED',
    `不支持的字符编码 ${quoteForMessage(label)}；请以 UTF-8（或 GBK/GB18030）发送`,
    `unsupported character encoding ${quoteForMessage(label)}; send UTF-8 (or GBK/GB18030)`,
  )
}

function pickDecoder(bytes: Buffer): { encoding: 'utf-8' | 'gb18030'; start: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8', start: 3 }
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    refuseEncoding('UTF-16')
  }
  // The declaration is ASCII in every encoding we accept, so latin1 reads it safely.
  const head = bytes.subarray(0, 200).toString('latin1').trimStart()
  const label = DECLARED_ENCODING.exec(head)?.[1]
  if (label === undefined) return { encoding: 'utf-8', start: 0 }
  const encoding = ENCODINGS[label.toLowerCase()]
  return encoding ? { encoding, start: 0 } : refuseEncoding(label)
}

/**
 * Enforces the size limit on the raw bytes, then decodes: UTF-8 (BOM optional) or, when
 * declared, GB2312/GBK/GB18030. A string is taken as already decoded. Line ends are
 * normalised to LF (XML 1.0 §2.11).
 */
export function decodeXmlInput(input: string | Buffer, maxBytes: number): string {
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.length
  if (size > maxBytes) {
    throw new CapError(
      'TOO_LARGE',
      `CAP 文档 ${size} 字节，超过上限 ${maxBytes} 字节；请拆分或精简（如去掉内嵌资源）`,
      `the CAP document is ${size} bytes, over the ${maxBytes}-byte limit; split or trim it (e.g. drop embedded resources)`,
    )
  }
  let text: string
  if (typeof input === 'string') {
    text = input.replace(/^\uFEFF/, '')
  } else {
    const { encoding, start } = pickDecoder(input)
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(input.subarray(start))
    } catch {
      throw new CapError(
        'MALFORMED',
        `文档字节不是有效的 ${encoding.toUpperCase()} 编码；请检查声明的 encoding 与实际编码一致`,
        `the bytes are not valid ${encoding.toUpperCase()}; check that the declared encoding matches the content`,
      )
    }
  }
  return text.replace(/\r\n?/g, '\n').trimStart()
}
