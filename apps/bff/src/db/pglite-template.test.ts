import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { isEmptyDataDir, readTemplate, templateKey, writeTemplate } from './pglite-template'
import type { ReferenceSources } from './reference/reference-sources'

const SOURCES: ReferenceSources = {
  city: [],
  districts: [],
  townshipPolygons: [],
  townshipCodes: [{ code: '410102001000', name: '淮河路街道', countyCode: '410102' }],
  rivers: [],
  airStations: [],
  roadLinks: [{ id: 'a' }],
}

const scratch = mkdtempSync(path.join(tmpdir(), 'cityops-template-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('embedded database template', () => {
  it('keys a template by its reference data, so changed data never loads an old template', () => {
    expect(templateKey(SOURCES)).toBe(templateKey(structuredClone(SOURCES)))
    expect(templateKey({ ...SOURCES, roadLinks: [{ id: 'b' }] })).not.toBe(templateKey(SOURCES))
  })

  it('writes whole files only and reads back exactly what was written', async () => {
    const key = templateKey(SOURCES)
    expect(readTemplate(scratch, key)).toBeNull()
    await writeTemplate(scratch, key, new Blob([new Uint8Array([1, 2, 3])]))
    expect(readdirSync(scratch)).toEqual([`pglite-postgis-${key}.tar.gz`])
    const back = readTemplate(scratch, key)
    expect(back).not.toBeNull()
    expect(new Uint8Array((await back?.arrayBuffer()) ?? new ArrayBuffer(0))).toEqual(
      new Uint8Array([1, 2, 3]),
    )
  })

  it('treats a data dir without PG_VERSION as empty', () => {
    expect(isEmptyDataDir(scratch)).toBe(true)
    expect(isEmptyDataDir(path.join(scratch, 'missing'))).toBe(true)
  })
})
