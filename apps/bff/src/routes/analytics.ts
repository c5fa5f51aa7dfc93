import { AreasQuery, ChoroplethQuery, TimeseriesQuery } from '@cityops/domain'
import { Hono } from 'hono'
import type { AppDeps } from '../app'
import type { AppEnv } from '../http/context'
import { guard } from '../http/guard'
import { listAreas } from '../services/analytics/analytics-areas'
import { indicatorCatalogue, mappedLevel } from '../services/analytics/indicator-catalogue'
import { checkFilters } from '../services/analytics/indicator-filters'
import { queryChoropleth } from '../services/analytics/query-choropleth'
import { queryTimeseries } from '../services/analytics/query-timeseries'

// The thematic map for leaders (issue #7): indicators, choropleth values per area, trends and
// area outlines. Read-only and city-wide, so 'thematic.view' like the traffic and environment
// layers. Bad queries are 400 with the schema's messages; the unit-grid level is 422.
const VIEW = { kind: 'permission', permission: 'thematic.view' } as const

export const analyticsRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get('/indicators', guard(deps, VIEW), (c) => c.json({ indicators: indicatorCatalogue() }))
    .get('/choropleth', guard(deps, VIEW), async (c) => {
      const query = ChoroplethQuery.parse(c.req.query())
      mappedLevel(query.level)
      checkFilters(query.indicator, query)
      return c.json(await queryChoropleth(deps.database.db, query, deps.clock()))
    })
    .get('/timeseries', guard(deps, VIEW), async (c) => {
      const query = TimeseriesQuery.parse(c.req.query())
      checkFilters(query.indicator, query)
      return c.json(await queryTimeseries(deps.database.db, query))
    })
    .get('/areas', guard(deps, VIEW), async (c) => {
      const { level } = AreasQuery.parse(c.req.query())
      return c.json(await listAreas(deps.database.db, mappedLevel(level)))
    })
