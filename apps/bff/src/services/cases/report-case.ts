import { parseComponentId, toWgs84, type Actor } from '@cityops/domain'
import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import { appendAudit } from '../../audit/append-audit'
import type { Database, Executor } from '../../db/client'
import { pointFromLngLat } from '../../db/geo-sql'
import { cityCases } from '../../db/schema'
import { HttpError } from '../../http/http-error'
import { appendEvents } from '../../live/append-events'
import { actorAudit } from '../actor-audit'
import { districtAt } from '../geo-lookup'
import { CASE_KIND_LABELS, findCategory } from './case-catalogue'
import { nextRequestNumber } from './case-time'
import { ReportCaseInput } from './case-input'
import { caseView, type CaseRow, type CaseView } from './case-view'

type ValidInput = z.output<typeof ReportCaseInput>

/**
 * 信息收集: one transaction writes the case (REPORTED), its audit entry and its `case.reported`
 * event; coordinates are converted to WGS84 at the door and must fall inside Zhengzhou.
 * `options.id` lets a replayable feed (the simulator) choose a deterministic id.
 */
export async function reportCase(
  db: Database,
  who: { actor: Actor | null; address: string | null },
  input: ReportCaseInput,
  now: Date,
  options: { id?: string } = {},
) {
  const data = ReportCaseInput.parse(input)
  assertReportable(data)
  const [lng, lat] = toWgs84({ type: 'Point', coordinates: data.location }, data.crs).coordinates
  return db.transaction(async (tx) => {
    const id = options.id ?? randomUUID()
    const view = caseView(await insertCase(tx, id, data, [lng, lat], now))
    const after = { ...view, reporterFields: Object.keys(data.reporter) } // which, never what
    await appendAudit(
      tx,
      {
        ...actorAudit(who.actor, who.address),
        action: 'case.report',
        objectType: 'case',
        objectId: view.id,
        outcome: 'success',
        after,
      },
      now,
    )
    return { case: view, seq: await appendReported(tx, view, [lng, lat], now) }
  })
}

// No department yet (null): handlers see the case only once it is dispatched to theirs.
async function appendReported(
  tx: Executor,
  view: CaseView,
  location: [number, number],
  now: Date,
): Promise<number | null> {
  const [event] = await appendEvents(
    tx,
    [
      {
        topic: 'cases',
        type: 'case.reported',
        entityId: view.id,
        version: view.version,
        data: view,
        departments: null,
        location,
      },
    ],
    now,
  )
  return event?.seq ?? null
}

async function insertCase(
  tx: Executor,
  id: string,
  data: ValidInput,
  [lng, lat]: [number, number],
  now: Date,
): Promise<CaseRow> {
  const districtCode = await districtAt(tx, lng, lat)
  if (!districtCode) {
    throw new HttpError(
      400,
      `位置（${lng.toFixed(5)}, ${lat.toFixed(5)}）不在郑州市范围内 / The location is outside Zhengzhou.`,
    )
  }
  const row: CaseRow = {
    id,
    requestNumber: await nextRequestNumber(tx, now),
    kind: data.kind,
    categoryCode: data.categoryCode,
    componentId: data.componentId ?? null,
    gridCode: data.gridCode ?? null,
    status: 'REPORTED',
    description: data.description,
    urgency: data.urgency,
    address: data.address ?? null,
    districtCode,
    channel: data.channel,
    mediaUrl: data.mediaUrl ?? null,
    deadline: null,
    responsibleDepartment: null,
    reportedAt: now,
    updatedAt: now,
    version: 1,
    lng,
    lat,
  }
  const { lng: _x, lat: _y, ...columns } = row
  await tx
    .insert(cityCases)
    .values({ ...columns, reporter: data.reporter, location: pointFromLngLat(lng, lat) })
  return row
}

// Only catalogued categories are accepted, and a component id must name the same 大类+小类.
function assertReportable(data: ValidInput) {
  const kind = CASE_KIND_LABELS[data.kind]
  if (!findCategory(data.kind, data.categoryCode)) {
    throw new HttpError(
      400,
      `没有${kind.zh}类别 ${data.categoryCode} / There is no ${data.kind} category ${data.categoryCode}.`,
    )
  }
  if (data.componentId === undefined) return
  if (
    data.kind !== 'component' ||
    parseComponentId(data.componentId).categoryCode !== data.categoryCode
  ) {
    throw new HttpError(
      400,
      `部件编号 ${data.componentId} 与类别 ${data.categoryCode} 不符 / Component id ${data.componentId} does not belong to ${kind.en.toLowerCase()} category ${data.categoryCode}.`,
    )
  }
}
