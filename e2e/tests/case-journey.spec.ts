import type { Browser, BrowserContext, Page } from '@playwright/test'
import { expect, logIn, test, waitForMap } from '../fixtures/app'
import { mapHasFeature, waitForWall } from '../fixtures/wall'

// One 数字城管 case through every seat that touches it (DOMAIN.md §2.1, the seven links):
// the inspector reports it from a phone, intake accepts it, the shift lead files it, the
// dispatcher sends it where the suggestion says, the department's handler reports it done
// with a photo from the phone, the inspector's check fails once (返工), the handler fixes it,
// the check passes and the shift lead closes it — while the operator's wall shows each step.

const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  // 二七广场: the phone's GPS fix for the report
  geolocation: { latitude: 34.7536, longitude: 113.6672 },
  permissions: ['geolocation'],
}

// A tiny valid PNG (1×1, grey): the "photo taken on the device".
const PHOTO = {
  name: 'site.png',
  mimeType: 'image/png',
  buffer: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==',
    'base64',
  ),
}

interface CaseItem {
  id: string
  requestNumber: string
  status: string
  responsibleDepartment: string | null
}

async function contextFor(
  browser: Browser,
  baseURL: string | undefined,
  username: string,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', ...options })
  const page = await context.newPage()
  await logIn(page, username)
  return { context, page }
}

/** The case as the server sees it now (read with the page's own session). */
async function caseNow(page: Page, id: string): Promise<CaseItem> {
  const response = await page.request.get(`/api/cases/${id}`)
  expect(response.status()).toBe(200)
  return ((await response.json()) as { case: CaseItem }).case
}

async function expectState(page: Page, id: string, status: string) {
  await expect.poll(async () => (await caseNow(page, id)).status, { timeout: 15_000 }).toBe(status)
}

/**
 * Opens a case from a queue and takes one action, filling its form first when it has one.
 * Desks and phone screens name their form's submit button differently.
 */
function actionOn(submitTestId: 'case-action-submit' | 'action-submit') {
  return async (page: Page, requestNumber: string, action: string, fill?: () => Promise<void>) => {
    await page.getByTestId(`case-row-${requestNumber}`).click()
    await page.getByTestId(`case-action-${action}`).click()
    if (fill) {
      await fill()
      await page.getByTestId(submitTestId).click()
    }
    await expect(page.getByTestId('action-done')).toBeVisible()
  }
}
const deskAction = actionOn('case-action-submit')
const fieldAction = actionOn('action-submit')

test.describe('a city-management case from report to close', () => {
  // Seven people, two phones, one wall with software WebGL on a shared CI machine.
  test.describe.configure({ timeout: 360_000 })

  test('every seat does its step and the wall follows live', async ({ browser, baseURL }) => {
    const opened: BrowserContext[] = []
    const open = async (username: string, options: Parameters<Browser['newContext']>[0] = {}) => {
      const seat = await contextFor(browser, baseURL, username, options)
      opened.push(seat.context)
      return seat.page
    }
    try {
      const wall = await open('operator')
      await waitForMap(wall)
      await waitForWall(wall)
      const openCasesBefore = Number(await wall.getByTestId('kpi-cases-value').textContent())

      // 1. 信息收集: the inspector reports from the phone, with GPS and a photo.
      const inspector = await open('inspector', PHONE)
      await expect(inspector).toHaveURL(/\/field/)
      const description = `路灯不亮 e2e ${Date.now()}`
      await inspector.getByTestId('report-category-search').fill('路灯')
      await inspector.getByTestId('report-category').selectOption({ index: 1 })
      await inspector.getByTestId('report-gps').click()
      await expect(inspector.getByTestId('report-location')).not.toBeEmpty()
      await inspector.getByTestId('report-description').fill(description)
      await inspector.getByTestId('evidence-input').setInputFiles(PHOTO)
      await inspector.getByTestId('report-submit').click()
      await expect(inspector.getByTestId('report-done')).toBeVisible()
      await expect(inspector.getByTestId('photo-uploaded')).toHaveCount(1)

      const found = await inspector.request.get(`/api/cases?q=${encodeURIComponent(description)}`)
      const { items } = (await found.json()) as { items: CaseItem[] }
      expect(items).toHaveLength(1)
      const reported = items[0] as CaseItem
      const number = reported.requestNumber
      expect(reported.status).toBe('REPORTED')
      const evidence = await inspector.request.get(`/api/cases/${reported.id}/evidence`)
      expect(((await evidence.json()) as { items: unknown[] }).items).toHaveLength(1)

      // The wall: the new case is on the map, in the ticker and in the open-case count.
      await expect.poll(() => mapHasFeature(wall, 'live-cases', reported.id)).toBe(true)
      await expect(wall.getByTestId('ticker').getByText('新案件').first()).toBeVisible()
      await expect(wall.getByTestId('kpi-cases-value')).toHaveText(String(openCasesBefore + 1))

      // 2. 受理: intake accepts (an inspector's report needs no 核实).
      const intake = await open('intake')
      await intake.goto('/intake')
      await deskAction(intake, number, 'accept')
      await expectState(intake, reported.id, 'ACCEPTED')
      await expect(wall.getByTestId('ticker').getByText('案件受理').first()).toBeVisible()

      // 3. 立案: the shift lead files it: the category comes prefilled, the unit grid is fixed
      // here (there is no unit-grid layer to derive it from; 管城回族区 community grid 01).
      const shiftLead = await open('shiftlead')
      await shiftLead.goto('/shift')
      await deskAction(shiftLead, number, 'file', async () => {
        await shiftLead.getByTestId('case-field-gridCode').fill('41010400100101')
      })
      await expectState(shiftLead, reported.id, 'FILED')

      // 4. 派遣: the dispatcher sends it to the first suggested department, with its reasons shown.
      const dispatcher = await open('dispatcher')
      await dispatcher.goto('/dispatch')
      await dispatcher.getByTestId(`case-row-${number}`).click()
      const suggestion = dispatcher.getByTestId('suggestion')
      await expect(suggestion).toBeVisible()
      const first = suggestion.locator('[data-testid^="suggestion-dispatch-"]').first()
      const department = ((await first.getAttribute('data-testid')) ?? '').replace(
        'suggestion-dispatch-',
        '',
      )
      expect(department).not.toBe('')
      await first.click()
      await expectState(dispatcher, reported.id, 'DISPATCHED')
      expect((await caseNow(dispatcher, reported.id)).responsibleDepartment).toBe(department)
      await expect(wall.getByTestId('ticker').getByText('案件派遣').first()).toBeVisible()

      // 5. 处置: the department's handler reports it done from the phone, with a photo.
      const handler = await open(`handler-${department}`, PHONE)
      await expect(handler).toHaveURL(new RegExp(`/departments/${department}`))
      const dispose = async (note: string) =>
        fieldAction(handler, number, 'dispose', async () => {
          await handler.getByTestId('action-text').fill(note)
          await handler.getByTestId('evidence-input').setInputFiles(PHOTO)
          await expect(handler.getByTestId('photo-uploaded')).toHaveCount(1)
        })
      await dispose('已更换灯泡')
      await expectState(handler, reported.id, 'DISPOSED')

      // 6. 核查: intake sends the inspector; the check fails once (返工).
      const sendToCheck = async () => {
        await intake.goto('/intake?tab=disposed')
        await deskAction(intake, number, 'assignCheck', async () => undefined)
        await expectState(intake, reported.id, 'CHECKING')
      }
      await sendToCheck()
      await inspector.goto('/field?tab=tasks')
      await fieldAction(inspector, number, 'checkFail', async () => {
        await inspector.getByTestId('action-text').fill('灯杆仍不亮')
      })
      await expectState(inspector, reported.id, 'DISPATCHED')
      await expect(wall.getByTestId('ticker').getByText('核查返工').first()).toBeVisible()

      // 7. The handler fixes it again; this time the check passes and the shift lead closes it.
      await handler.goto(`/departments/${department}`)
      await dispose('已更换镇流器，复查正常')
      await sendToCheck()
      await inspector.goto('/field?tab=tasks')
      await fieldAction(inspector, number, 'checkPass', async () => undefined)
      await shiftLead.goto('/shift?tab=closing')
      await deskAction(shiftLead, number, 'close')
      await expectState(shiftLead, reported.id, 'CLOSED')

      // The wall: closed cases leave the map and the open count; the history has every step.
      await expect.poll(() => mapHasFeature(wall, 'live-cases', reported.id)).toBe(false)
      await expect(wall.getByTestId('kpi-cases-value')).toHaveText(String(openCasesBefore))
      await expect(wall.getByTestId('ticker').getByText('案件结案').first()).toBeVisible()
      const timeline = await wall.request.get(`/api/timeline/cases/${reported.id}`)
      const types = ((await timeline.json()) as { entries: { type: string }[] }).entries.map(
        (e) => e.type,
      )
      expect(types).toEqual([
        'case.reported',
        'case.evidenceAdded',
        'case.accepted',
        'case.filed',
        'case.dispatched',
        'case.evidenceAdded',
        'case.disposed',
        'case.checkAssigned',
        'case.checkFailed',
        'case.evidenceAdded',
        'case.disposed',
        'case.checkAssigned',
        'case.checkPassed',
        'case.closed',
      ])
    } finally {
      for (const context of opened) await context.close()
    }
  })
})
