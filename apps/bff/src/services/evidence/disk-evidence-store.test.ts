import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { diskEvidenceStore } from './disk-evidence-store'

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const bytesOf = (text: string) => new TextEncoder().encode(text)

describe('diskEvidenceStore', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cityops-store-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))
  const files = () =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))

  it('stores bytes under their SHA-256 and gives them back', async () => {
    const store = diskEvidenceStore(dir)
    const photo = bytesOf('a photo')
    const put = await store.put(photo)
    expect(put).toEqual({ sha256: sha(photo), isNew: true })
    expect(files()).toEqual([path.join(put.sha256.slice(0, 2), put.sha256)])
    expect(await store.has(put.sha256)).toBe(true)
    expect(await store.get(put.sha256)).toEqual(photo)
  })

  it('keeps identical bytes once, also when they arrive together', async () => {
    const store = diskEvidenceStore(dir)
    const photo = bytesOf('the same photo')
    const results = await Promise.all([store.put(photo), store.put(photo), store.put(photo)])
    expect(new Set(results.map((r) => r.sha256)).size).toBe(1)
    expect(files()).toHaveLength(1) // and nothing left in .tmp
    expect((await store.put(photo)).isNew).toBe(false)
  })

  it('answers null / false for bytes it does not hold', async () => {
    const store = diskEvidenceStore(dir)
    const unknown = sha(bytesOf('never stored'))
    expect(await store.get(unknown)).toBeNull()
    expect(await store.has(unknown)).toBe(false)
  })

  it('refuses names that are not digests (no path tricks)', async () => {
    const store = diskEvidenceStore(dir)
    await expect(store.get('../../etc/passwd')).rejects.toThrow(/SHA-256/)
    await expect(store.has('ABC')).rejects.toThrow(/SHA-256/)
  })

  it('leaves no half file behind when the write cannot complete', async () => {
    const photo = bytesOf('blocked')
    // the shard folder's name is taken by a file, so the final rename cannot happen
    writeFileSync(path.join(dir, sha(photo).slice(0, 2)), 'in the way')
    const store = diskEvidenceStore(dir)
    await expect(store.put(photo)).rejects.toThrow()
    expect(readdirSync(path.join(dir, '.tmp'))).toEqual([])
    expect(await store.has(sha(photo))).toBe(false)
  })
})
