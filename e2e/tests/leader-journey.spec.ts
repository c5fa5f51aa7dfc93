import { readFileSync } from 'node:fs'
import type { APIRequestContext, Page } from '@playwright/test'
import { expect, logIn, test, waitForMap } from '../fixtures/app'

// A leader's question, answered and taken into a meeting (issue #7): "where did today's
// incidents happen, how are they spread, and what did we decide?" The duty operator reports
// incidents in several districts and regrades one (a decision); the leader opens the thematic
// map, picks the indicator and the classification, checks the legend against the API's breaks,
// steps the time machine through the week with the decision log, and exports the briefing PNG
// and the table's CSV.

const ORIGIN = () => new URL(process.env.CITYOPS_E2E_URL ?? 'http://127.0.0.1').origin

// Points well inside five county-level divisions (WGS-84 [lng, lat]).
const PLACES: readonly { district: string; at: [number, number]; count: number }[] = [
  { district: '410105', at: [113.69, 34.8], count: 4 }, // 金水区
  { district: '410102', at: [113.6, 34.75], count: 3 }, // 中原区
  { district: '410103', at: [113.63, 34.71], count: 2 }, // 二七区
  { district: '410104', at: [113.75, 34.72], count: 1 }, // 管城回族区
  { district: '410108', at: [113.62, 34.86], count: 1 }, // 惠济区
]

interface ChoroplethBody {
  breaks: number[]
  counts: number[]
  areas: { code: string; name: string; value: number | null; class: number | null }[]
}

async function reportIncidents(request: APIRequestContext) {
  const ids: string[] = []
  let n = 0
  for (const place of PLACES) {
    for (let i = 0; i < place.count; i++) {
      n++
      const response = await request.post('/api/incidents', {
        headers: { origin: ORIGIN() },
        data: {
          title: `专题图测试事件 ${n}`,
          category: 'trafficAccident',
          grade: 'IV',
          location: [place.at[0] + i * 0.002, place.at[1] - i * 0.0015],
          departments: ['xfzd'],
        },
      })
      expect(response.status(), await response.text()).toBe(201)
      ids.push(((await response.json()) as { incident: { id: string } }).incident.id)
    }
  }
  return ids
}

/** The operator raises one incident's grade: a decision the time machine's log must show. */
async function regrade(request: APIRequestContext, id: string) {
  const current = await request.get(`/api/incidents/${id}`)
  const { incident } = (await current.json()) as { incident: { version: number } }
  const response = await request.post(`/api/incidents/${id}/actions`, {
    headers: { origin: ORIGIN(), 'idempotency-key': `leader-e2e-${id}` },
    data: { action: 'grade', expectedVersion: incident.version, grade: 'III', reason: '影响扩大' },
  })
  expect(response.status(), await response.text()).toBeLessThan(300)
}

/** Today as the thematic page's "today" asks for it: Beijing midnight to the next midnight. */
function beijingToday() {
  const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
  const from = new Date(`${day}T00:00:00+08:00`)
  return { from: from.toISOString(), to: new Date(from.getTime() + 86_400_000).toISOString() }
}

/** Today's incidents per district, as the API counts them (other journeys share this city). */
async function incidentsByDistrict(request: APIRequestContext) {
  const { from, to } = beijingToday()
  const response = await request.get('/api/analytics/choropleth', {
    params: { indicator: 'incidents.count', level: 'district', from, to },
  })
  expect(response.status(), await response.text()).toBe(200)
  const body = (await response.json()) as ChoroplethBody
  return new Map(body.areas.map((a) => [a.code, a.value ?? 0]))
}

/** The choropleth answer the page asked for with exactly these parameters. */
async function choroplethAfter(
  page: Page,
  wanted: Record<string, string>,
  act: () => Promise<void>,
): Promise<ChoroplethBody> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => {
      if (!r.url().includes('/api/analytics/choropleth') || r.request().method() !== 'GET') {
        return false
      }
      const params = new URL(r.url()).searchParams
      return Object.entries(wanted).every(([k, v]) => params.get(k) === v)
    }),
    act(),
  ])
  expect(response.status()).toBe(200)
  return (await response.json()) as ChoroplethBody
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian). */
function pngSize(bytes: Buffer) {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

/** RFC 4180 rows (quoted fields, doubled quotes), without the UTF-8 BOM. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  const body = text.replace(/^\uFEFF/, '')
  const endField = () => {
    row.push(field)
    field = ''
  }
  const endRow = () => {
    endField()
    rows.push(row)
    row = []
  }
  for (let i = 0; i < body.length; i++) {
    const c = body[i]
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') endField()
    else if (c === '\n') endRow()
    else if (c !== '\r') field += c
  }
  if (field !== '' || row.length > 0) endRow()
  return rows
}

// Two seats, a map in software WebGL, two exports: more than the default minute on two cores.
test.describe.configure({ timeout: 240_000 })

test('a leader maps today’s incidents, replays the day with its decisions and exports the briefing', async ({
  browser,
  baseURL,
  appErrors,
}) => {
  // The duty operator's reports and one decision, through the API the wall's seat uses.
  const operator = await browser.newContext({ baseURL })
  const operatorPage = await operator.newPage()
  await logIn(operatorPage, 'operator')
  const before = await incidentsByDistrict(operatorPage.request)
  const ids = await reportIncidents(operatorPage.request)
  await regrade(operatorPage.request, ids[0] as string)
  await operator.close()

  const context = await browser.newContext({ baseURL, locale: 'zh-CN', acceptDownloads: true })
  const page = await context.newPage()
  page.on('pageerror', (e) => appErrors.push(`page error: ${e.message}`))
  await logIn(page, 'leader')
  // The leader lands on the thematic map.
  await expect(page).toHaveURL(/\/thematic/)
  await expect(page.getByTestId('thematic-page')).toBeVisible()
  await waitForMap(page)

  // Indicator, period and classification: today's incidents by district, natural breaks, 3 classes.
  await page.getByTestId('range-select').selectOption('today')
  await page.getByTestId('level-select').selectOption('district')
  await page.getByTestId('indicator-select').selectOption('incidents.count')
  await page.getByTestId('classes-input').fill('3')
  const body = await choroplethAfter(
    page,
    { indicator: 'incidents.count', level: 'district', method: 'jenks', classes: '3' },
    () =>
      page
        .getByTestId('method-select')
        .selectOption('jenks')
        .then(() => undefined),
  )

  // The API counted what the operator reported, district by district (on top of what other
  // journeys reported today).
  for (const place of PLACES) {
    const was = before.get(place.district) ?? 0
    expect(body.areas.find((a) => a.code === place.district)?.value).toBe(was + place.count)
  }
  // The legend shows the API's classes: one row per break, same break, same area count.
  const legend = page.getByTestId('legend-class')
  await expect(legend).toHaveCount(body.breaks.length)
  for (let i = 0; i < body.breaks.length; i++) {
    await expect(legend.nth(i)).toHaveAttribute('data-break', String(body.breaks[i]))
    await expect(legend.nth(i)).toContainText(String(body.counts[i]))
  }

  // The time machine over the week, a day a step: "today" alone has a single hourly step in
  // the first hour after Beijing midnight, and CI runs at any hour.
  await page.getByTestId('range-select').selectOption('7d')
  const timeMachine = page.getByTestId('time-machine')
  await expect(timeMachine).toBeVisible()
  const current = page.getByTestId('tm-current-time')
  const scrubber = page.getByTestId('tm-scrubber')
  await expect(scrubber).toHaveAttribute('max', '6') // seven days, today's the last step
  await scrubber.focus()
  await page.keyboard.press('End')
  const atEnd = await current.textContent()
  // The regrade happened within the last step: the decision log shows it with its actor.
  const decisions = page.getByTestId('decision-log').getByTestId('decision-entry')
  await expect(decisions.first()).toBeVisible()
  await expect(page.getByTestId('decision-log')).toContainText('应急值守员（演示）')
  const seen = new Set([atEnd])
  for (let i = 0; i < 3; i++) {
    await page.getByTestId('tm-step-back').click()
    await expect(current).not.toHaveText(atEnd ?? '')
    seen.add(await current.textContent())
  }
  await page.getByTestId('tm-step-forward').click()
  seen.add(await current.textContent())
  expect(seen.size).toBeGreaterThanOrEqual(4)

  // Back to the live period and to today: the map counts the whole day again.
  await page.getByTestId('tm-live').click()
  // (today's answer is still in the page's cache: no new request to wait for)
  await page.getByTestId('range-select').selectOption('today')
  await expect(page.getByTestId('range-select')).toHaveValue('today')
  const jinshui = page.getByTestId('area-table').locator('tr[data-code="410105"] td')
  await expect(jinshui.nth(2)).toHaveText(
    String(body.areas.find((a) => a.code === '410105')?.value),
  )

  // Briefing PNG: produced, non-empty, 1920×1080.
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-png').click(),
  ])
  expect(png.suggestedFilename()).toMatch(/\.png$/)
  const pngBytes = readFileSync(await png.path())
  expect(pngBytes.length).toBeGreaterThan(20_000)
  expect(pngSize(pngBytes)).toEqual({ width: 1920, height: 1080 })

  // CSV: exactly the rows of the table on screen, and the values the API answered.
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-csv').click(),
  ])
  const csvRows = parseCsv(readFileSync(await csv.path(), 'utf8')).filter((r) => r.some(Boolean))
  const onScreen = await page
    .getByTestId('area-table')
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('td')].map((c) => (c.textContent ?? '').trim())),
    )
  expect(csvRows.slice(1)).toEqual(onScreen)
  expect(csvRows.length - 1).toBe(body.areas.length)
  for (const area of body.areas) {
    const row = csvRows.find((r) => r[0] === area.code)
    expect(row?.[2], `CSV value for ${area.code}`).toBe(String(area.value))
  }
  await context.close()
})
