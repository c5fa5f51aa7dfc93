import { createHash, randomBytes } from 'node:crypto'

/** 256-bit random token, URL-safe: session cookies and API keys. */
export const newToken = (bytes = 32) => randomBytes(bytes).toString('base64url')

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')
