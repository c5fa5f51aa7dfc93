import { createHash } from 'node:crypto'
import { isSha256Hex, type EvidenceStore } from './evidence-store'
import { EMPTY_PAYLOAD_SHA256, signS3Request, type SigningKey } from './sigv4'

export interface S3EvidenceSettings extends SigningKey {
  /** `https://s3.example.com` (MinIO, Ceph RGW, a cloud's S3 endpoint). */
  endpoint: string
  bucket: string
  /** Key prefix inside the bucket, e.g. `evidence/`. */
  prefix: string
  /** `https://endpoint/bucket/key` (MinIO's default) instead of `https://bucket.endpoint/key`. */
  isPathStyle: boolean
}

/** Where the object of `sha256` lives: `<prefix><first two hex digits>/<sha256>`. */
export function s3ObjectUrl(s: S3EvidenceSettings, sha256: string): URL {
  if (!isSha256Hex(sha256)) throw new Error(`not a SHA-256 digest: ${sha256.slice(0, 80)}`)
  const base = new URL(s.endpoint)
  const key = `${s.prefix}${sha256.slice(0, 2)}/${sha256}`
  if (s.isPathStyle) return new URL(`${base.pathname.replace(/\/$/, '')}/${s.bucket}/${key}`, base)
  return new URL(`${base.protocol}//${s.bucket}.${base.host}/${key}`)
}

/**
 * Evidence in an S3-compatible bucket (EVIDENCE_S3_*). A PUT is atomic on S3 (the object
 * appears whole or not at all), and the content address makes repeated puts harmless.
 * NOT exercised against a real S3 server in this repository's tests: only the request signing
 * is (sigv4.test.ts, the AWS documentation example).
 */
export function s3EvidenceStore(
  settings: S3EvidenceSettings,
  clock: () => Date = () => new Date(),
): EvidenceStore {
  const send = (method: string, sha256: string, body?: Uint8Array) => {
    const url = s3ObjectUrl(settings, sha256)
    const payloadSha256 = body ? sha256 : EMPTY_PAYLOAD_SHA256 // the digest is the payload hash
    const headers = signS3Request(
      {
        method,
        url,
        headers: body ? { 'content-type': 'application/octet-stream' } : {},
        payloadSha256,
      },
      settings,
      clock(),
    )
    return fetch(url, {
      method,
      headers,
      ...(body ? { body: body as Uint8Array<ArrayBuffer> } : {}),
    })
  }
  const failed = async (what: string, res: Response) =>
    new Error(`S3 ${what} answered ${res.status}: ${(await res.text()).slice(0, 300)}`)
  const store: EvidenceStore = {
    async has(sha256) {
      const res = await send('HEAD', sha256)
      if (res.status === 404) return false
      if (!res.ok) throw await failed('HEAD', res)
      return true
    },
    async get(sha256) {
      const res = await send('GET', sha256)
      if (res.status === 404) return null
      if (!res.ok) throw await failed('GET', res)
      return new Uint8Array(await res.arrayBuffer())
    },
    async put(bytes) {
      const sha256 = createHash('sha256').update(bytes).digest('hex')
      if (await store.has(sha256)) return { sha256, isNew: false }
      const res = await send('PUT', sha256, bytes)
      if (!res.ok) throw await failed('PUT', res)
      return { sha256, isNew: true }
    },
  }
  return store
}
