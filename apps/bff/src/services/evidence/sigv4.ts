import { createHash, createHmac } from 'node:crypto'

// AWS Signature Version 4 for S3-compatible stores (AWS S3, MinIO, Ceph RGW, OSS/COS in S3
// mode), header-based, as in the AWS S3 API reference "Authenticating Requests: Using the
// Authorization Header (AWS Signature Version 4)". Only what the evidence store needs: no query
// strings, one region, a payload hash given by the caller.

export interface SigningKey {
  accessKeyId: string
  secretAccessKey: string
  region: string
}

export const EMPTY_PAYLOAD_SHA256 = createHash('sha256').update('').digest('hex')

const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest()
const sha256Hex = (data: string) => createHash('sha256').update(data).digest('hex')

// RFC 3986 unreserved characters stay; everything else is %XX (S3 keeps '/' in paths).
const encodePath = (path: string) =>
  path
    .split('/')
    .map((segment) =>
      encodeURIComponent(decodeURIComponent(segment)).replace(
        /[!'()*]/g,
        (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
      ),
    )
    .join('/')

/** `20130524T000000Z` */
export const amzDate = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')

/**
 * The headers to send: the given ones plus `host`, `x-amz-date`, `x-amz-content-sha256` and
 * `authorization`. Every given header is signed.
 */
export function signS3Request(
  request: { method: string; url: URL; headers: Record<string, string>; payloadSha256: string },
  key: SigningKey,
  now: Date,
): Record<string, string> {
  const stamp = amzDate(now)
  const day = stamp.slice(0, 8)
  const headers: Record<string, string> = {
    ...Object.fromEntries(
      Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v.trim()]),
    ),
    host: request.url.host,
    'x-amz-date': stamp,
    'x-amz-content-sha256': request.payloadSha256,
  }
  const names = Object.keys(headers).sort()
  const signedHeaders = names.join(';')
  const canonical = [
    request.method,
    encodePath(request.url.pathname),
    '', // no query string
    ...names.map((n) => `${n}:${headers[n]}`),
    '',
    signedHeaders,
    request.payloadSha256,
  ].join('\n')
  const scope = `${day}/${key.region}/s3/aws4_request`
  const toSign = ['AWS4-HMAC-SHA256', stamp, scope, sha256Hex(canonical)].join('\n')
  const signingKey = ['s3', 'aws4_request'].reduce(
    (k, part) => hmac(k, part),
    hmac(hmac(`AWS4${key.secretAccessKey}`, day), key.region),
  )
  const signature = createHmac('sha256', signingKey).update(toSign).digest('hex')
  return {
    ...headers,
    authorization: `AWS4-HMAC-SHA256 Credential=${key.accessKeyId}/${scope},SignedHeaders=${signedHeaders},Signature=${signature}`,
  }
}
