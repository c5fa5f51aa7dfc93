import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { INCIDENT_CATEGORIES, INCIDENT_GRADES, INCIDENT_STATUSES } from '@cityops/domain'
import { afterAll, describe, expect, it } from 'vitest'
import { FULL_ALERT } from '../../../test/fixtures/cap/full-alert'
import { makeIncident } from '../../../test/fixtures/cap/incidents'
import { buildCapAlert } from './build-cap'
import { incidentToCap } from './incident-to-cap'
import { parseCapAlert } from './parse-cap'

// The repo root is the nearest folder above this file whose package.json has workspaces.
function findRepoRoot(from: string): string {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json')
    if (existsSync(manifest) && readFileSync(manifest, 'utf8').includes('"workspaces"')) return dir
  }
  throw new Error(`no workspace root above ${from}`)
}

const HERE = path.dirname(fileURLToPath(import.meta.url))
const REPO_ROOT = findRepoRoot(HERE)
const XSD = path.resolve(REPO_ROOT, '../shared/standards/cap/CAP-v1.2.xsd')
const FIXTURES = path.join(REPO_ROOT, 'apps/bff/test/fixtures/cap')
const OUT = mkdtempSync(path.join(tmpdir(), 'cityops-cap-xsd-'))
afterAll(() => rmSync(OUT, { recursive: true, force: true }))

/** Runs xmllint (never fetching anything); a missing xmllint fails the test, never skips it. */
function xmllint(file: string, withSchema: boolean): { ok: boolean; output: string } {
  const args = ['--noout', '--nonet', ...(withSchema ? ['--schema', XSD] : []), file]
  const run = spawnSync('xmllint', args, { encoding: 'utf8' })
  if (run.error) {
    throw new Error(
      `xmllint could not run (${run.error.message}): install libxml2-utils (apt-get install libxml2-utils)`,
    )
  }
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` }
}

function expectSchemaValid(xml: string, name: string): void {
  const file = path.join(OUT, name)
  writeFileSync(file, xml)
  const result = xmllint(file, true)
  expect(result.ok, `${name} must validate against CAP-v1.2.xsd:\n${result.output}\n${xml}`).toBe(
    true,
  )
}

describe('CAP 1.2 XSD validation with xmllint', () => {
  it('finds the official XSD relative to the repo', () => {
    expect(existsSync(XSD), `missing ${XSD}`).toBe(true)
  })

  it.each(readdirSync(path.join(FIXTURES, 'valid')))('fixture valid/%s validates', (name) => {
    const result = xmllint(path.join(FIXTURES, 'valid', name), true)
    expect(result.ok, result.output).toBe(true)
  })

  it.each(readdirSync(path.join(FIXTURES, 'sloppy')))(
    'fixture sloppy/%s is well-formed XML but deliberately not schema-valid',
    (name) => {
      const file = path.join(FIXTURES, 'sloppy', name)
      expect(xmllint(file, false).ok).toBe(true)
      expect(xmllint(file, true).ok).toBe(false)
    },
  )

  it('a fully populated alert with text to escape validates', () => {
    expectSchemaValid(buildCapAlert(FULL_ALERT), 'full.xml')
  })

  it('incidentToCap output validates for every category, grade and status', () => {
    const sentAt = new Date('2025-07-20T01:30:00Z')
    INCIDENT_CATEGORIES.forEach((category, i) => {
      const grade = INCIDENT_GRADES[i % INCIDENT_GRADES.length]
      const status = INCIDENT_STATUSES[i % INCIDENT_STATUSES.length]
      const incident = makeIncident({ category, grade, status, title: `标题 <${category}> & 测试` })
      const english = i % 2 === 0 ? { description: 'English text' } : undefined
      const alert = incidentToCap(incident, { sentAt, english, identifier: { sequence: i % 10 } })
      expectSchemaValid(buildCapAlert(alert), `incident-${category}.xml`)
    })
  })

  it('re-built fixtures (sloppy ones included) validate', () => {
    for (const dir of ['valid', 'sloppy']) {
      for (const name of readdirSync(path.join(FIXTURES, dir))) {
        const parsed = parseCapAlert(readFileSync(path.join(FIXTURES, dir, name)))
        expectSchemaValid(buildCapAlert(parsed), `rebuilt-${dir}-${name}`)
      }
    }
  })
})
