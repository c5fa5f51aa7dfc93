import { describe, expect, it } from 'vitest'
import { s3ObjectUrl } from './s3-evidence-store'
import { EMPTY_PAYLOAD_SHA256, signS3Request } from './sigv4'

// The worked example of the AWS S3 API reference (sig-v4-header-based-auth, "GET Object"):
// its published Authorization header is the expected value, not one computed here.
const EXAMPLE_KEY = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  region: 'us-east-1',
}

describe('signS3Request', () => {
  it('reproduces the AWS documentation example signature', () => {
    const headers = signS3Request(
      {
        method: 'GET',
        url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
        headers: { Range: 'bytes=0-9' },
        payloadSha256: EMPTY_PAYLOAD_SHA256,
      },
      EXAMPLE_KEY,
      new Date('2013-05-24T00:00:00Z'),
    )
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    )
    expect(headers['x-amz-date']).toBe('20130524T000000Z')
  })

  it('changes the signature with the secret, the time or the path', () => {
    const sign = (over: { secret?: string; at?: string; path?: string }) =>
      signS3Request(
        {
          method: 'GET',
          url: new URL(`https://examplebucket.s3.amazonaws.com${over.path ?? '/test.txt'}`),
          headers: {},
          payloadSha256: EMPTY_PAYLOAD_SHA256,
        },
        { ...EXAMPLE_KEY, secretAccessKey: over.secret ?? EXAMPLE_KEY.secretAccessKey },
        new Date(over.at ?? '2013-05-24T00:00:00Z'),
      ).authorization
    const base = sign({})
    expect(
      new Set([
        base,
        sign({ secret: 'other' }),
        sign({ at: '2013-05-25T00:00:00Z' }),
        sign({ path: '/x.txt' }),
      ]).size,
    ).toBe(4)
  })
})

describe('s3ObjectUrl', () => {
  const settings = {
    ...EXAMPLE_KEY,
    endpoint: 'https://s3.example.test:9000',
    bucket: 'cityops',
    prefix: 'evidence/',
    isPathStyle: true,
  }
  const digest = 'ab'.repeat(32)

  it('addresses objects path-style or virtual-host-style, sharded by the first two digits', () => {
    expect(s3ObjectUrl(settings, digest).href).toBe(
      `https://s3.example.test:9000/cityops/evidence/ab/${digest}`,
    )
    expect(s3ObjectUrl({ ...settings, isPathStyle: false }, digest).href).toBe(
      `https://cityops.s3.example.test:9000/evidence/ab/${digest}`,
    )
  })

  it('refuses names that are not digests', () => {
    expect(() => s3ObjectUrl(settings, '../secret')).toThrow(/SHA-256/)
  })
})
