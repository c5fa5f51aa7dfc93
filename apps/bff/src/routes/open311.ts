import { CITY_CODE } from '@cityops/domain'
import { Hono, type Context, type MiddlewareHandler } from 'hono'
import { z } from 'zod'
import type { AppDeps } from '../app'
import type { AppEnv } from '../http/context'
import { guard } from '../http/guard'
import { HttpError } from '../http/http-error'
import { writeRateLimit } from '../http/security'
import { resolveApiKey } from '../services/api-keys/resolve-api-key'
import { open311Receipt, open311ReportInput } from '../services/cases/open311-report'
import {
  findOpen311Request,
  findOpen311Requests,
  Open311RequestsQuery,
} from '../services/cases/open311-requests'
import { open311ServiceDefinition, open311Services } from '../services/cases/open311-services'
import { reportCase } from '../services/cases/report-case'

// Open311 GeoReport v2 (DOMAIN.md §2.2), mounted at /open311/v2. Decisions: JSON only (`.xml`
// answers 404); reads are public (they carry no reporter data); POST needs an API key with
// `ingest.open311`, as the `api_key` parameter (as GeoReport v2 says) or a Bearer header.

const NOT_JSON =
  '仅提供 JSON 格式（.json），不提供 XML / Only the JSON format (.json) is served, not XML.'

export const open311Routes = (deps: AppDeps) => {
  const db = deps.database.db
  const open = guard(deps, { kind: 'public' })
  return new Hono<AppEnv>()
    .use(open311Credentials(deps))
    .use(writeRateLimit({ ...deps.writeLimit, clock: deps.clock }))
    .get('/services.json', open, (c) => c.json(open311Services()))
    .get('/services/:file', open, (c) =>
      c.json(open311ServiceDefinition(jsonName(c.req.param('file')))),
    )
    .post(
      '/requests.json',
      guard(deps, { kind: 'permission', permission: 'ingest.open311' }),
      async (c) => {
        const actor = c.get('actor')
        // Keys only: cookies ride along on cross-site form posts and this mount has no origin check.
        if (actor?.kind !== 'apiKey') {
          throw new HttpError(401, '请提供 api_key / Open311 requests need an api_key.')
        }
        const input = open311ReportInput(await open311Params(c))
        const created = await reportCase(
          db,
          { actor, address: c.get('address') },
          input,
          deps.clock(),
        )
        return c.json([open311Receipt(created.case, input.reporter?.accountId)])
      },
    )
    .get('/requests.json', open, async (c) => {
      const query = Open311RequestsQuery.parse(c.req.query())
      return c.json(await findOpen311Requests(db, query, deps.clock()))
    })
    .get('/requests/:file', open, async (c) =>
      c.json(await findOpen311Request(db, jsonName(c.req.param('file')))),
    )
    .get('/tokens/:file', open, () => {
      throw new HttpError(
        404,
        '本服务不签发令牌：提交时直接返回 service_request_id / No tokens are issued: POST requests.json returns the service_request_id at once.',
      )
    })
    .all('*', (c) => {
      throw new HttpError(
        404,
        `没有此 Open311 接口 / No Open311 endpoint ${c.req.method} ${c.req.path}. ${NOT_JSON}`,
      )
    })
}

function jsonName(file: string): string {
  const name = /^(.+)\.json$/.exec(file)?.[1]
  if (!name) throw new HttpError(404, NOT_JSON)
  return name
}

/**
 * GeoReport v2 errors are a list of `{code, description}` with the HTTP status as code. This
 * reshapes the app's one error answer (app.onError: status, message, headers) after the fact,
 * so guards stay visible to the authorization matrix (a sub-app onError would wrap them).
 */
export function open311Errors(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next()
    if (!c.error) return
    const answer = ErrorAnswer.safeParse(
      await c.res
        .clone()
        .json()
        .catch(() => null),
    )
    const description = answer.success ? answer.data.error : '请求失败 / The request failed.'
    c.res = c.json([{ code: c.res.status, description }], c.res) // same status and headers
  }
}
const ErrorAnswer = z.object({ error: z.string() })

/** Query and body parameters together (form-encoded as GeoReport v2 says, or JSON). */
async function open311Params(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  const type = c.req.header('content-type') ?? ''
  let body: unknown = {}
  try {
    if (type.includes('json')) body = await c.req.json()
    else if (type.includes('form')) body = await c.req.parseBody({ all: true })
  } catch {
    throw new HttpError(400, '请求体无法解析 / The request body could not be parsed.')
  }
  const fields = z.record(z.string(), z.unknown()).safeParse(body)
  if (!fields.success)
    throw new HttpError(400, '请求体应为对象 / The body must be an object of parameters.')
  return { ...c.req.query(), ...fields.data }
}

/**
 * One jurisdiction (GeoReport v2 makes jurisdiction_id optional then; we accept 410100); and
 * `api_key` as a parameter, which the app-wide `authenticate` (Bearer only) does not read.
 */
function open311Credentials(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const isPost = c.req.method === 'POST'
    const params = isPost ? await open311Params(c) : c.req.query()
    const jurisdiction = params.jurisdiction_id
    if (jurisdiction !== undefined && jurisdiction !== '' && jurisdiction !== CITY_CODE) {
      throw new HttpError(
        404,
        `jurisdiction_id 应为 ${CITY_CODE}（郑州市）/ jurisdiction_id not found: this server serves ${CITY_CODE} (Zhengzhou).`,
      )
    }
    const key = params.api_key
    if (isPost && !c.req.header('authorization') && typeof key === 'string' && key !== '') {
      const actor = await resolveApiKey(deps.database.db, key, deps.clock())
      c.set('actor', actor)
      c.set('session', null)
      c.set('authProblem', actor ? null : 'badApiKey')
    }
    if (isPost && !c.get('actor') && !c.get('authProblem')) {
      throw new HttpError(
        401,
        '请提供 api_key / POST requests.json needs an api_key (parameter or Bearer).',
      )
    }
    return next()
  }
}
