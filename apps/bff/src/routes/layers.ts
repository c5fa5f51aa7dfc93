import { listScope, type Permission } from '@cityops/domain'
import { Hono } from 'hono'
import type { AppDeps } from '../app'
import type { AppEnv } from '../http/context'
import { guard } from '../http/guard'
import { HttpError } from '../http/http-error'
import { casesLayer } from '../services/cases/cases-layer'
import {
  environmentLayer,
  incidentsLayer,
  readSnapshot,
  trafficLayer,
  unitsLayer,
} from '../services/layers/snapshots'

/** Current state per live topic as GeoJSON with the `seq` it is consistent with. */
export const layerRoutes = (deps: AppDeps) => {
  const read = (permission: Permission) => guard(deps, { kind: 'permission', permission })
  const scopeOf = (c: { get: (k: 'actor') => AppEnv['Variables']['actor'] }, p: Permission) => {
    const actor = c.get('actor')
    if (!actor) throw new HttpError(401, '请先登录 / Log in first.')
    return listScope(actor, p)
  }
  return new Hono<AppEnv>()
    .get('/incidents', read('incident.read'), async (c) =>
      c.json(await readSnapshot(deps.database.db, incidentsLayer(scopeOf(c, 'incident.read')))),
    )
    .get('/traffic', read('thematic.view'), async (c) =>
      c.json(await readSnapshot(deps.database.db, trafficLayer())),
    )
    .get('/environment', read('thematic.view'), async (c) =>
      c.json(await readSnapshot(deps.database.db, environmentLayer())),
    )
    .get('/cases', read('case.read'), async (c) =>
      c.json(await readSnapshot(deps.database.db, casesLayer(scopeOf(c, 'case.read')))),
    )
    .get('/units', read('unit.read'), async (c) =>
      c.json(await readSnapshot(deps.database.db, unitsLayer(scopeOf(c, 'unit.read')))),
    )
}
