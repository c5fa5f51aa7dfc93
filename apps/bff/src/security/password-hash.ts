import {
  randomBytes,
  scrypt as scryptCallback,
  timingSafeEqual,
  type ScryptOptions,
} from 'node:crypto'

// scrypt is memory-hard; parameters from OWASP's password storage cheat sheet
// (N=2^15, r=8, p=3 ≈ 32 MiB per hash). Stored as `scrypt$N$r$p$salt$hash` (base64url),
// so parameters can be raised later and old hashes still verify.
const PARAMS = { N: 2 ** 15, r: 8, p: 3 }
const KEY_LENGTH = 32

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  )
}

const maxmem = (o: { N: number; r: number; p: number }) => 128 * o.N * o.r * o.p + 1024 * 1024

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(password, salt, { ...PARAMS, maxmem: maxmem(PARAMS) })
  const { N, r, p } = PARAMS
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, expected] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !expected) return false
  const options = { N: Number(n), r: Number(r), p: Number(p) }
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), {
    ...options,
    maxmem: maxmem(options),
  })
  const want = Buffer.from(expected, 'base64url')
  return want.length === key.length && timingSafeEqual(want, key)
}

/** A hash of a random password: compared against when the username is unknown, so that the
 *  response time does not tell which usernames exist. */
export const dummyHash = hashPassword(randomBytes(18).toString('base64url'))
