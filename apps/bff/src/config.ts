import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import type { S3EvidenceSettings } from './services/evidence/s3-evidence-store'
import { StartupError } from './startup/startup-error'

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
// An install artefact like any other cache: `npm ci` fills it, `rm -rf node_modules` clears it.
export const DEFAULT_TEMPLATE_DIR = path.join(REPO_ROOT, 'node_modules', '.cache', 'cityops')

export interface Config {
  port: number
  host: string
  /** `null` keeps the embedded database in memory (tests only). */
  dataDir: string | null
  databaseUrl: string | null
  publicDir: string
  webDistDir: string
  version: string
  /** Demo accounts and the demo API key: embedded mode, or DEMO_ACCOUNTS=1. */
  demoAccounts: boolean
  /** admin and leader must enrol TOTP (等保 level 3: two factors). */
  requireMfa: boolean
  /** Origins allowed to write with a cookie and to open live sockets, besides the app's own. */
  allowedOrigins: string[]
  /** Secure cookies: 'auto' sets Secure when the request came over TLS. */
  cookieSecure: 'auto' | 'always' | 'never'
  /** Trust X-Forwarded-For/-Proto from a reverse proxy in front of the BFF. */
  trustProxy: boolean
  /** Several BFF nodes: socket.io's Redis Streams adapter for cross-node socket operations. */
  redisUrl: string | null
  /** The demo city feed (docs in src/simulator/README.md); run it on one node only. */
  simulator: boolean
  simSeed: string
  /** Simulated seconds per real second. */
  simSpeed: number
  /** How long the event log keeps rows for replay. */
  eventRetentionHours: number
  /** How long an Idempotency-Key's stored answer is kept for replays. */
  actionKeyRetentionHours: number
  /** Case photos on disk (content-addressed): EVIDENCE_DIR, default <DATA_DIR>/evidence. */
  evidenceDir: string
  /** The largest photo accepted (EVIDENCE_MAX_BYTES). */
  evidenceMaxBytes: number
  /** An S3-compatible bucket for the photos instead of EVIDENCE_DIR (EVIDENCE_S3_*); null: disk. */
  evidenceS3: S3EvidenceSettings | null
  /** Where prepared empty embedded databases are kept (src/db/pglite-template.ts); null: off. */
  pgliteTemplateDir: string | null
}

const Env = z.object({
  PORT: z.coerce
    .number({ error: 'PORT must be a number' })
    .int('PORT must be a whole number')
    .min(0, 'PORT must be between 0 and 65535')
    .max(65535, 'PORT must be between 0 and 65535')
    .default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./.data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  PUBLIC_DIR: z.string().min(1).optional(),
  WEB_DIST_DIR: z.string().min(1).optional(),
  DEMO_ACCOUNTS: z.enum(['0', '1'], { error: 'DEMO_ACCOUNTS must be 0 or 1' }).optional(),
  REQUIRE_MFA: z.enum(['0', '1'], { error: 'REQUIRE_MFA must be 0 or 1' }).default('0'),
  ALLOWED_ORIGINS: z.string().default(''),
  COOKIE_SECURE: z
    .enum(['auto', 'always', 'never'], { error: 'COOKIE_SECURE must be auto, always or never' })
    .default('auto'),
  TRUST_PROXY: z.enum(['0', '1'], { error: 'TRUST_PROXY must be 0 or 1' }).default('0'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'REDIS_URL must start with redis:// or rediss://')
    .optional(),
  SIMULATOR: z.enum(['on', 'off'], { error: 'SIMULATOR must be on or off' }).optional(),
  SIM_SEED: z.string().trim().min(1).max(100).default('zhengzhou'),
  EVIDENCE_DIR: z.string().min(1).optional(),
  // [U] 10 MB holds a full-resolution phone photo (typically 2–6 MB as JPEG)
  EVIDENCE_MAX_BYTES: z.coerce
    .number({ error: 'EVIDENCE_MAX_BYTES must be a number' })
    .int('EVIDENCE_MAX_BYTES must be a whole number of bytes')
    .min(1024, 'EVIDENCE_MAX_BYTES must be at least 1024')
    .max(100 * 1024 * 1024, 'EVIDENCE_MAX_BYTES must be at most 100 MB')
    .default(10 * 1024 * 1024),
  EVIDENCE_S3_BUCKET: z.string().trim().min(1).optional(),
  EVIDENCE_S3_ENDPOINT: z
    .string()
    .regex(/^https?:\/\//, 'EVIDENCE_S3_ENDPOINT must start with http:// or https://')
    .optional(),
  EVIDENCE_S3_REGION: z.string().trim().min(1).default('us-east-1'),
  EVIDENCE_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  EVIDENCE_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  EVIDENCE_S3_PREFIX: z.string().default('evidence/'),
  EVIDENCE_S3_PATH_STYLE: z
    .enum(['0', '1'], { error: 'EVIDENCE_S3_PATH_STYLE must be 0 or 1' })
    .default('1'),
  PGLITE_TEMPLATE_DIR: z.string().min(1).optional(),
  EVENT_RETENTION_HOURS: z.coerce
    .number({ error: 'EVENT_RETENTION_HOURS must be a number' })
    .min(1, 'EVENT_RETENTION_HOURS must be at least 1')
    .max(24 * 365, 'EVENT_RETENTION_HOURS must be at most a year')
    .default(48),
  // [decision] 72 h: a client retrying after three days is not retrying; its key is then
  // applied afresh, and its old expectedVersion answers 409 stale rather than a replay.
  ACTION_KEY_RETENTION_HOURS: z.coerce
    .number({ error: 'ACTION_KEY_RETENTION_HOURS must be a number' })
    .min(1, 'ACTION_KEY_RETENTION_HOURS must be at least 1')
    .max(24 * 365, 'ACTION_KEY_RETENTION_HOURS must be at most a year')
    .default(72),
  SIM_SPEED: z.coerce
    .number({ error: 'SIM_SPEED must be a number' })
    .positive('SIM_SPEED must be greater than 0')
    .max(3600, 'SIM_SPEED must be at most 3600 (an hour per second)')
    .default(1),
})

/** Reads the environment once at start-up; nothing reads env at request time. */
export function loadConfig(env: NodeJS.ProcessEnv, version: string): Config {
  const parsed = Env.safeParse(stripEmpty(env))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const name = issue?.path.join('.') ?? 'environment'
    throw new StartupError(
      `${issue?.message ?? 'invalid value'} (${name}); fix it and start again.`,
    )
  }
  const e = parsed.data
  // npm runs workspace scripts inside the workspace; relative paths mean "from where you typed npm".
  const base = env.INIT_CWD ?? process.cwd()
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATABASE_URL ? null : path.resolve(base, e.DATA_DIR),
    databaseUrl: e.DATABASE_URL ?? null,
    publicDir: path.resolve(base, e.PUBLIC_DIR ?? path.join(REPO_ROOT, 'public')),
    webDistDir: path.resolve(base, e.WEB_DIST_DIR ?? path.join(REPO_ROOT, 'apps/web/dist')),
    version,
    demoAccounts: e.DEMO_ACCOUNTS ? e.DEMO_ACCOUNTS === '1' : !e.DATABASE_URL,
    requireMfa: e.REQUIRE_MFA === '1',
    allowedOrigins: e.ALLOWED_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY === '1',
    redisUrl: e.REDIS_URL ?? null,
    // Embedded mode is the demo, so it comes alive; a real deployment opts in per node.
    simulator: e.SIMULATOR ? e.SIMULATOR === 'on' : !e.DATABASE_URL,
    simSeed: e.SIM_SEED,
    simSpeed: e.SIM_SPEED,
    eventRetentionHours: e.EVENT_RETENTION_HOURS,
    actionKeyRetentionHours: e.ACTION_KEY_RETENTION_HOURS,
    // DATA_DIR still places the photos when the database is PostgreSQL (./.data/evidence)
    evidenceDir: path.resolve(base, e.EVIDENCE_DIR ?? path.join(e.DATA_DIR, 'evidence')),
    evidenceMaxBytes: e.EVIDENCE_MAX_BYTES,
    evidenceS3: evidenceS3Of(e),
    pgliteTemplateDir:
      e.PGLITE_TEMPLATE_DIR === 'off'
        ? null
        : path.resolve(base, e.PGLITE_TEMPLATE_DIR ?? DEFAULT_TEMPLATE_DIR),
  }
}

// A bucket needs its endpoint and both keys; a half-configured store stops the start-up.
function evidenceS3Of(e: z.infer<typeof Env>): S3EvidenceSettings | null {
  if (!e.EVIDENCE_S3_BUCKET) return null
  const { EVIDENCE_S3_ENDPOINT: endpoint, EVIDENCE_S3_ACCESS_KEY_ID: accessKeyId } = e
  const secretAccessKey = e.EVIDENCE_S3_SECRET_ACCESS_KEY
  if (!endpoint || !accessKeyId || !secretAccessKey) {
    throw new StartupError(
      'EVIDENCE_S3_BUCKET is set but EVIDENCE_S3_ENDPOINT, EVIDENCE_S3_ACCESS_KEY_ID or EVIDENCE_S3_SECRET_ACCESS_KEY is missing; set all of them, or unset EVIDENCE_S3_BUCKET to keep photos in EVIDENCE_DIR.',
    )
  }
  return {
    endpoint,
    bucket: e.EVIDENCE_S3_BUCKET,
    region: e.EVIDENCE_S3_REGION,
    accessKeyId,
    secretAccessKey,
    prefix: e.EVIDENCE_S3_PREFIX,
    isPathStyle: e.EVIDENCE_S3_PATH_STYLE === '1',
  }
}

function stripEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((kv): kv is [string, string] => !!kv[1]))
}

export { REPO_ROOT }
