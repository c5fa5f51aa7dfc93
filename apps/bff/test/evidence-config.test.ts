import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../src/config'

// EVIDENCE_DIR / EVIDENCE_MAX_BYTES / EVIDENCE_S3_* (README configuration table).
describe('evidence configuration', () => {
  const base = '/srv/cityops'
  const load = (env: Record<string, string>) => loadConfig({ INIT_CWD: base, ...env }, 'test')
  const S3 = {
    EVIDENCE_S3_BUCKET: 'photos',
    EVIDENCE_S3_ENDPOINT: 'https://minio.example.test:9000',
    EVIDENCE_S3_ACCESS_KEY_ID: 'id',
    EVIDENCE_S3_SECRET_ACCESS_KEY: 'secret',
  }

  it('keeps photos under DATA_DIR, also with PostgreSQL, unless EVIDENCE_DIR says otherwise', () => {
    expect(load({}).evidenceDir).toBe(path.resolve(base, '.data/evidence'))
    expect(load({ DATABASE_URL: 'postgres://u@db/c' }).evidenceDir).toBe(
      path.resolve(base, '.data/evidence'),
    )
    expect(load({ DATA_DIR: '/var/lib/cityops' }).evidenceDir).toBe('/var/lib/cityops/evidence')
    expect(load({ EVIDENCE_DIR: 'photos' }).evidenceDir).toBe(path.resolve(base, 'photos'))
  })

  it('takes the size limit in bytes, 10 MB by default', () => {
    expect(load({}).evidenceMaxBytes).toBe(10 * 1024 * 1024)
    expect(load({ EVIDENCE_MAX_BYTES: '2000000' }).evidenceMaxBytes).toBe(2_000_000)
    expect(() => load({ EVIDENCE_MAX_BYTES: 'ten' })).toThrow(/EVIDENCE_MAX_BYTES must be a number/)
    expect(() => load({ EVIDENCE_MAX_BYTES: '10' })).toThrow(/at least 1024/)
  })

  it('uses a bucket only when it is fully configured', () => {
    expect(load({}).evidenceS3).toBeNull()
    expect(load(S3).evidenceS3).toEqual({
      endpoint: 'https://minio.example.test:9000',
      bucket: 'photos',
      region: 'us-east-1',
      accessKeyId: 'id',
      secretAccessKey: 'secret',
      prefix: 'evidence/',
      isPathStyle: true,
    })
    const { EVIDENCE_S3_SECRET_ACCESS_KEY: _secret, ...half } = S3
    expect(() => load(half)).toThrow(/EVIDENCE_S3_SECRET_ACCESS_KEY is missing/)
    expect(() => load({ ...S3, EVIDENCE_S3_ENDPOINT: 'minio:9000' })).toThrow(/http/)
  })
})
