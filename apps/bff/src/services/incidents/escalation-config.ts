import { DEFAULT_ASSIGNMENT_ACK_TIMEOUT_SECONDS } from '@cityops/domain'
import { z } from 'zod'
import { StartupError } from '../../startup/startup-error'

const Env = z.object({
  INCIDENT_ACK_TIMEOUT_SECONDS: z.coerce
    .number({ error: 'INCIDENT_ACK_TIMEOUT_SECONDS must be a number' })
    .int('INCIDENT_ACK_TIMEOUT_SECONDS must be a whole number of seconds')
    .min(10, 'INCIDENT_ACK_TIMEOUT_SECONDS must be at least 10')
    .max(24 * 3600, 'INCIDENT_ACK_TIMEOUT_SECONDS must be at most a day')
    .default(DEFAULT_ASSIGNMENT_ACK_TIMEOUT_SECONDS),
  INCIDENT_ESCALATION_CHECK_SECONDS: z.coerce
    .number({ error: 'INCIDENT_ESCALATION_CHECK_SECONDS must be a number' })
    .min(1, 'INCIDENT_ESCALATION_CHECK_SECONDS must be at least 1')
    .max(600, 'INCIDENT_ESCALATION_CHECK_SECONDS must be at most 600')
    .default(15),
})

/** The escalation check's settings, read once at start-up (main.ts). */
export function escalationConfig(env: NodeJS.ProcessEnv) {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => !!v))
  const parsed = Env.safeParse(present)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new StartupError(`${issue?.message ?? 'invalid value'}; fix it and start again.`)
  }
  return {
    ackTimeoutSeconds: parsed.data.INCIDENT_ACK_TIMEOUT_SECONDS,
    everyMs: parsed.data.INCIDENT_ESCALATION_CHECK_SECONDS * 1000,
  }
}
