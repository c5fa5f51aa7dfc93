import type { Actor } from '@cityops/domain'

export interface SessionInfo {
  idHash: string
  userId: string
  createdAt: Date
  lastSeenAt: Date
  /** The account must enrol TOTP before anything else (REQUIRE_MFA for admin/leader). */
  mfaEnrollmentRequired: boolean
}

/** Per-request values set by the middleware in http/authenticate.ts. */
export interface AppEnv {
  Variables: {
    actor: Actor | null
    session: SessionInfo | null
    address: string | null
    /** Why there is no actor although credentials were sent (for a precise 401). */
    authProblem: 'expired' | 'badApiKey' | null
  }
}
