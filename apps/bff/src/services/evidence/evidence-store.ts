/**
 * Where evidence bytes live, addressed by their SHA-256: the database keeps the rows, the store
 * keeps each distinct photo once. Disk (EVIDENCE_DIR) is the implementation; an S3-compatible
 * store would implement the same three calls.
 */
export interface EvidenceStore {
  /** Stores the bytes (once per content) and returns their SHA-256 hex digest. */
  put(bytes: Uint8Array): Promise<{ sha256: string; isNew: boolean }>
  /** The bytes stored under `sha256`, or null when there are none. */
  get(sha256: string): Promise<Uint8Array | null>
  has(sha256: string): Promise<boolean>
}

export const isSha256Hex = (value: string) => /^[0-9a-f]{64}$/.test(value)
