import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { CapError } from './cap-error'
import { parseCapAlert } from './parse-cap'

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/cap/', import.meta.url))
const fixture = (name: string): Buffer => readFileSync(`${FIXTURES}${name}`)
const RED = fixture('valid/zhengzhou-rainstorm-red.xml').toString('utf8')

function invalid(input: string | Buffer): CapError {
  try {
    parseCapAlert(input)
  } catch (error) {
    if (error instanceof CapError && error.code === 'INVALID') return error
    throw error
  }
  throw new Error('expected CapError(INVALID), but the document was accepted')
}

describe('XSD enumerations and required elements', () => {
  it('names the element path and the allowed values of a bad <severity>', () => {
    const error = invalid(fixture('hostile/bad-enum.xml'))
    expect(error.path).toBe('alert/info[1]/severity')
    expect(error.message).toContain('"Catastrophic"')
    expect(error.message).toContain('Extreme, Severe, Moderate, Minor, Unknown')
  })

  it.each([
    ['<status>Actual</status>', '<status>Real</status>', 'alert/status'],
    ['<msgType>Alert</msgType>', '<msgType>AllClear</msgType>', 'alert/msgType'],
    ['<scope>Public</scope>', '<scope>Everyone</scope>', 'alert/scope'],
    ['<category>Met</category>', '<category>Weather</category>', 'alert/info[1]/category[1]'],
    [
      '<responseType>Avoid</responseType>',
      '<responseType>Run</responseType>',
      'alert/info[1]/responseType[2]',
    ],
    ['<urgency>Immediate</urgency>', '<urgency>Now</urgency>', 'alert/info[1]/urgency'],
    [
      '<certainty>Likely</certainty>',
      '<certainty>VeryLikely</certainty>',
      'alert/info[1]/certainty',
    ],
  ])('refuses %s → %s at %s', (from, to, path) => {
    expect(invalid(RED.replace(from, to)).path).toBe(path)
  })

  it('reports a missing required element as missing', () => {
    const error = invalid(RED.replace(/<identifier>.*<\/identifier>/, ''))
    expect(error.path).toBe('alert/identifier')
    expect(error.message).toContain('required element is missing')
    expect(invalid(RED.replace('<event>暴雨</event>', '')).path).toBe('alert/info[1]/event')
    expect(invalid(RED.replace(/<areaDesc>[^<]*<\/areaDesc>/, '')).path).toBe(
      'alert/info[1]/area[1]/areaDesc',
    )
  })

  it('refuses an element the XSD allows once when it appears twice', () => {
    const twice = RED.replace(
      '<status>Actual</status>',
      '<status>Actual</status><status>Test</status>',
    )
    expect(invalid(twice).path).toBe('alert/status')
  })

  it('enforces §3.2.1: no spaces, commas, < or & in identifier and sender', () => {
    expect(invalid(RED.replace('41010041600000_20250720093000_1<', 'a b<')).path).toBe(
      'alert/identifier',
    )
    expect(invalid(RED.replace('410100@12379.cn<', 'a,b<')).path).toBe('alert/sender')
  })

  it('refuses unreadable references, date-times and numbers with their paths', () => {
    const refs = RED.replace('<code>', '<references>only-two,parts</references><code>')
    // references come after <code> in the XSD, but element order is not enforced on input.
    expect(invalid(refs).path).toBe('alert/references[1]')
    expect(invalid(RED.replace('2025-07-21T09:30:00+08:00', 'tomorrow')).path).toBe(
      'alert/info[1]/expires',
    )
    expect(invalid(RED.replace('</areaDesc>', '</areaDesc><altitude>high</altitude>')).path).toBe(
      'alert/info[1]/area[1]/altitude',
    )
  })

  it('refuses a bad xs:language tag', () => {
    expect(invalid(RED.replace('<language>zh-CN', '<language>zh CN')).path).toBe(
      'alert/info[1]/language',
    )
  })
})
