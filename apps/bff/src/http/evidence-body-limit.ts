import { bodyLimit } from 'hono/body-limit'
import { tooLarge } from '../services/evidence/inspect-upload'

// Room for the multipart envelope and the text fields around the photo itself.
const FORM_OVERHEAD_BYTES = 64 * 1024

export const isEvidenceUpload = (method: string, path: string) =>
  method === 'POST' && /^\/api\/cases\/[^/]+\/evidence$/.test(path)

/** The photo upload's own limit: refused with 413 while streaming, before it is buffered. */
export const evidenceBodyLimit = (maxBytes: number) =>
  bodyLimit({
    maxSize: maxBytes + FORM_OVERHEAD_BYTES,
    onError: () => {
      throw tooLarge(maxBytes)
    },
  })
