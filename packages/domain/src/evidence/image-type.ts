// Evidence photos are JPEG, PNG or WebP, recognised by their first bytes: a file name or a
// declared Content-Type is what the client says, the magic bytes are what the file is.
export const EVIDENCE_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
export type EvidenceContentType = (typeof EVIDENCE_CONTENT_TYPES)[number]

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] // PNG spec §5.2
const ascii = (s: string) => [...s].map((ch) => ch.charCodeAt(0))

function startsWith(bytes: Uint8Array, expected: readonly number[], at = 0): boolean {
  if (bytes.length < at + expected.length) return false
  return expected.every((b, i) => bytes[at + i] === b)
}

/** The image type the bytes really are, or null when they are none of the three. */
export function sniffImageType(bytes: Uint8Array): EvidenceContentType | null {
  // JPEG: SOI marker FF D8 followed by another marker (ITU-T T.81 B.1.1.2)
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(bytes, PNG_SIGNATURE)) return 'image/png'
  // WebP: a RIFF container whose form type is WEBP, then a VP8 / VP8L / VP8X chunk (RFC 9649 §2)
  if (
    startsWith(bytes, ascii('RIFF')) &&
    startsWith(bytes, ascii('WEBP'), 8) &&
    startsWith(bytes, ascii('VP8'), 12)
  ) {
    return 'image/webp'
  }
  return null
}
