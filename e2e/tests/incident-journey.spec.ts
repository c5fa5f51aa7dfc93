import type { APIRequestContext } from '@playwright/test'
import { expect, logIn, test } from '../fixtures/app'

// An emergency handled across departments (issue #6, emergency side): a 119 call becomes an
// incident; the duty operator assigns the fire brigade on the incident desk (事件处置); the
// brigade's handler takes it through 签收 → 出发 → 到场 → 处置完毕 on the department page; the
// operator sees the brigade finished in the list and in the detail, and 结束事件 with a summary.

const ORIGIN = () => new URL(process.env.CITYOPS_E2E_URL ?? 'http://127.0.0.1').origin
const FIRE = 'xfzd'

async function reportFire(request: APIRequestContext) {
  const response = await request.post('/api/incidents', {
    headers: { origin: ORIGIN() },
    data: {
      title: '事件处置测试：商铺起火',
      category: 'fire',
      grade: 'III',
      location: [113.665, 34.758],
      departments: [],
    },
  })
  expect(response.status(), await response.text()).toBe(201)
  return ((await response.json()) as { incident: { id: string } }).incident.id
}

test('an operator assigns a fire to the brigade, the brigade works it through, the operator closes it', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000)
  const operator = await browser.newContext({ baseURL, locale: 'zh-CN' })
  const desk = await operator.newPage()
  await logIn(desk, 'operator')
  const id = await reportFire(desk.request)

  // the desk lists it with nobody assigned yet; the operator assigns the brigade
  await desk.goto(`/incidents?incident=${id}`)
  const row = desk.getByTestId(`incident-row-${id}`)
  await expect(row).toContainText('商铺起火')
  await expect(row).toContainText('尚未指派部门')
  await desk.getByTestId('incident-action-assign').click()
  const form = desk.getByTestId('incident-action-form')
  await form.getByTestId('incident-field-department').selectOption(FIRE)
  await form.getByTestId('incident-action-submit').click()
  await expect(desk.getByTestId('action-done')).toBeVisible()
  await expect(desk.getByTestId(`assignment-${FIRE}`)).toContainText('郑州市消防救援支队')
  await expect(desk.getByTestId('incident-status')).toHaveText('处置中')
  await expect(row.getByTestId('incident-progress')).toHaveText('0/1 部门完成')

  // the brigade's handler works it from the department page, one tap per step
  const brigade = await browser.newContext({ baseURL, locale: 'zh-CN' })
  const field = await brigade.newPage()
  await logIn(field, `handler-${FIRE}`)
  await field.goto(`/departments/${FIRE}`)
  const card = field.getByTestId(`handler-incident-${id}`)
  await expect(card).toContainText('商铺起火')
  for (const step of ['acknowledge', 'enRoute', 'onScene', 'finish']) {
    const button = card.getByTestId(`assignment-action-${step}`)
    await expect(button).toBeEnabled()
    await button.click()
    await expect(button).toHaveCount(0) // the next step replaces it
  }
  await expect(card).toHaveCount(0) // a finished assignment leaves the department's list

  // the operator's desk follows live: finished in the list, 已处置, and 结束事件 closes it
  await expect(row.getByTestId('incident-progress')).toHaveText('1/1 部门完成')
  await expect(desk.getByTestId('incident-status')).toHaveText('已处置')
  await desk.screenshot({ path: test.info().outputPath('incident-desk.png') })
  await desk.getByTestId('incident-action-close').click()
  await desk.getByTestId('incident-field-summary').fill('明火已扑灭，无人员伤亡，现场移交属地。')
  await desk.getByTestId('incident-action-submit').click()
  await expect(desk.getByTestId('incident-status')).toHaveText('已结束')
  await expect(row).toHaveCount(0) // the desk lists open incidents only

  const detail = await desk.request.get(`/api/incidents/${id}`)
  const body = (await detail.json()) as {
    incident: { status: string }
    assignments: { departmentCode: string; status: string }[]
  }
  expect(body.incident.status).toBe('closed')
  expect(body.assignments.map((a) => [a.departmentCode, a.status])).toEqual([[FIRE, 'finished']])
  await operator.close()
  await brigade.close()
})
