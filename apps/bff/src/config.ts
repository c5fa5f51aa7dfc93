import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { StartupError } from './startup/startup-error'

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

export interface Config {
  port: number
  host: string
  /** `null` keeps the embedded database in memory (tests only). */
  dataDir: string | null
  databaseUrl: string | null
  publicDir: string
  webDistDir: string
  version: string
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
  }
}

function stripEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((kv): kv is [string, string] => !!kv[1]))
}

export { REPO_ROOT }
