import { describeUrl } from '../db/client'
import { StartupError } from './startup-error'

interface DriverError {
  code?: string
  message?: string
  hostname?: string
}

/**
 * Turns whatever stopped the start-up into one sentence saying what to fix. Unknown errors
 * keep their message; the stack trace is never the operator's problem.
 */
export function explainStartupFailure(error: unknown, context: { databaseUrl: string | null }) {
  if (error instanceof StartupError) return error.message
  // drizzle wraps the driver's error ("Failed query: …") and keeps it as `cause`.
  const e = rootCause(error)
  const where = context.databaseUrl ? describeUrl(context.databaseUrl) : 'the database'
  const database = context.databaseUrl ? new URL(context.databaseUrl).pathname.slice(1) : ''
  const message = oneLine(e.message ?? String(error))

  if (/extension "postgis"|postgis\.control|type "geometry" does not exist/i.test(message)) {
    return `PostGIS is not available in database "${database}" at ${where} (${message}): install it on the server (Debian: apt-get install postgresql-15-postgis-3) and have a superuser run CREATE EXTENSION postgis in that database.`
  }
  switch (e.code) {
    case 'ECONNREFUSED':
      return `Cannot connect to PostgreSQL at ${where} (connection refused): start the server or correct DATABASE_URL.`
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Cannot resolve the database host in DATABASE_URL (${where}): correct the host name.`
    case 'ETIMEDOUT':
      return `PostgreSQL at ${where} did not answer within 5 seconds: check the host, port and firewall in DATABASE_URL.`
    case '28P01':
    case '28000':
      return `PostgreSQL at ${where} refused the login (${message}): check the user and password in DATABASE_URL.`
    case '3D000':
      return `The database "${database}" does not exist at ${where}: create it (createdb ${database}) or correct DATABASE_URL.`
  }
  if (/timeout/i.test(message) && context.databaseUrl) {
    return `PostgreSQL at ${where} did not answer within 5 seconds: check the host, port and firewall in DATABASE_URL.`
  }
  return `Start-up failed: ${message}`
}

function rootCause(error: unknown): DriverError {
  let current = (error ?? {}) as DriverError & { cause?: unknown }
  while (current.cause && typeof current.cause === 'object') {
    current = current.cause as DriverError & { cause?: unknown }
  }
  return current
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim()
