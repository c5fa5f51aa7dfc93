import { Hono, type Context } from 'hono'
import type { AppDeps } from '../app'
import type { AppEnv } from '../http/context'
import { guard, personOf } from '../http/guard'
import { HttpError } from '../http/http-error'
import { addCaseEvidence, assertMayAddEvidence } from '../services/evidence/add-evidence'
import type { EvidenceUpload } from '../services/evidence/inspect-upload'
import { listCaseEvidence, readEvidenceFile } from '../services/evidence/read-evidence'

/** Case photos (处置反馈, 核实, 核查): listed and added under the case, served by id. */
export const caseEvidenceRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    // scoped in the service: another department's case is 404, as GET /api/cases/:id
    .get(
      '/:id/evidence',
      guard(deps, { kind: 'permission', permission: 'case.read' }),
      async (c) => {
        const actor = c.get('actor')
        if (!actor) throw new HttpError(401, '请先登录 / Log in first.')
        return c.json(await listCaseEvidence(deps.database.db, actor, c.req.param('id')))
      },
    )
    // who may add when: evidenceUploadDenial in the domain's access policy (404 / 403)
    .post(
      '/:id/evidence',
      guard(deps, { kind: 'permission', permission: 'case.read' }),
      async (c) => {
        const { actor, address } = personOf(c)
        const who = { actor, address }
        const caseId = c.req.param('id')
        await assertMayAddEvidence(deps.database.db, who, caseId, deps.clock())
        const upload = await readUpload(c)
        const { store, maxBytes } = deps.evidence
        const created = await addCaseEvidence(
          deps.database.db,
          store,
          who,
          caseId,
          upload,
          { maxBytes },
          deps.clock(),
        )
        return c.json(created, 201)
      },
    )

export const evidenceRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>().get(
    '/:id',
    guard(deps, { kind: 'permission', permission: 'case.read' }),
    async (c) => {
      const actor = c.get('actor')
      if (!actor) throw new HttpError(401, '请先登录 / Log in first.')
      const file = await readEvidenceFile(
        deps.database.db,
        deps.evidence.store,
        actor,
        c.req.param('id'),
      )
      const etag = `"${file.sha256}"`
      // content-addressed, so a cached copy never goes stale; private: it is a case's evidence
      c.header('Cache-Control', 'private, max-age=31536000, immutable')
      c.header('ETag', etag)
      if (c.req.header('if-none-match') === etag) return c.body(null, 304)
      c.header('Content-Type', file.contentType)
      return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200)
    },
  )

async function readUpload(c: Context<AppEnv>): Promise<EvidenceUpload> {
  const type = c.req.header('content-type') ?? ''
  if (!type.toLowerCase().startsWith('multipart/form-data')) {
    throw new HttpError(
      415,
      '请以 multipart/form-data 上传，照片放在 file 字段 / Send multipart/form-data with the photo in the field "file".',
    )
  }
  const form = await c.req.parseBody().catch(() => {
    throw new HttpError(400, '表单数据无法解析 / The multipart form could not be read.')
  })
  const { file, ...fields } = form
  if (!(file instanceof File)) {
    throw new HttpError(
      400,
      '缺少照片：请在 file 字段上传 / No photo: send it in the field "file".',
      {
        issues: [{ path: 'file', message: '必填 / Required' }],
      },
    )
  }
  return {
    bytes: new Uint8Array(await file.arrayBuffer()),
    declaredType: file.type,
    fields: Object.fromEntries(
      Object.entries(fields).filter((kv): kv is [string, string] => typeof kv[1] === 'string'),
    ),
  }
}
