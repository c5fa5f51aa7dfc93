// Screenshots of the phone screens (handler field app, inspector) at 390×844, against the real
// BFF started as the e2e suite starts it, with cases walked to DISPATCHED through the API.
// Run: npm run build --workspace @cityops/web && cd e2e && node --import tsx tools/field-screenshots.ts [outDir]
import {
  chromium,
  request,
  type APIRequestContext,
  type Browser,
  type Page,
} from '@playwright/test'
import { mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import globalSetup from '../support/global-setup'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const OUT = path.resolve(process.argv[2] ?? '/tmp/cityops-field-screens')
const PHOTO = path.resolve(HERE, '../../public/pwa/icon-512.png')
const PHONE = { width: 390, height: 844 }

async function api(base: string, username: string): Promise<APIRequestContext> {
  const ctx = await request.newContext({ baseURL: base, extraHTTPHeaders: { origin: base } })
  const res = await ctx.post('/api/auth/login', { data: { username, password: 'cityops-demo' } })
  if (!res.ok()) throw new Error(`login ${username}: ${res.status()} ${await res.text()}`)
  return ctx
}

async function act(ctx: APIRequestContext, id: string, action: string, fields = {}) {
  const current = await (await ctx.get(`/api/cases/${id}`)).json()
  const res = await ctx.post(`/api/cases/${id}/actions`, {
    headers: { 'idempotency-key': `${id}-${action}-${Date.now()}` },
    data: { action, expectedVersion: current.case.version, ...fields },
  })
  if (!res.ok()) throw new Error(`${action} ${id}: ${res.status()} ${await res.text()}`)
}

async function seed(base: string) {
  const inspector = await api(base, 'inspector')
  const intake = await api(base, 'intake')
  const shift = await api(base, 'shiftlead')
  const dispatcher = await api(base, 'dispatcher')
  const categories = (await (await inspector.get('/api/case-categories')).json()).items
  const picks = [categories[0], categories[3] ?? categories[0], categories[6] ?? categories[0]]
  const descriptions = [
    '花园路与农业路交叉口井盖破损，有安全隐患',
    '金水路人行道暴露垃圾堆放',
    '经三路路灯不亮',
  ]
  const ids: string[] = []
  for (const [i, c] of picks.entries()) {
    const res = await inspector.post('/api/cases', {
      data: {
        kind: c.kind,
        categoryCode: c.code,
        description: descriptions[i],
        address: ['花园路农业路口', '金水路 88 号', '经三路 12 号'][i],
        location: { type: 'Point', coordinates: [113.66 + i * 0.01, 34.78 - i * 0.01] },
      },
    })
    if (!res.ok()) throw new Error(`report: ${res.status()} ${await res.text()}`)
    const id = (await res.json()).case.id
    await act(intake, id, 'accept')
    await act(shift, id, 'file', { gridCode: '41010500100101' })
    await act(dispatcher, id, 'dispatch', { departmentCode: 'cgj' })
    ids.push(id)
  }
  // One public report waiting for 核实 in the inspector's tasks.
  const hotline = await intake.post('/api/cases', {
    data: {
      kind: picks[1].kind,
      categoryCode: picks[1].code,
      description: '市民来电：小区门口垃圾无人清运',
      location: { type: 'Point', coordinates: [113.63, 34.75] },
      channel: 'hotline',
    },
  })
  if (hotline.ok()) await act(intake, (await hotline.json()).case.id, 'accept')
  return ids
}

async function logIn(page: Page, username: string) {
  await page.goto('/login')
  // A cold start may still be opening the database: the login page waits for it.
  await page.getByTestId('login-username').waitFor({ timeout: 120_000 })
  await page.getByTestId('login-username').fill(username)
  await page.getByTestId('login-password').fill('cityops-demo')
  await page.getByTestId('login-submit').click()
  await page.getByTestId('user-menu-button').waitFor()
}

async function shot(page: Page, name: string, fullPage = true) {
  await page.waitForTimeout(300)
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth > window.innerWidth + 1,
  )
  await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage })
  console.log(`${name}.png${overflow ? '  (!) wider than the viewport' : ''}`)
}

/** Waits until the server answers the login page (the first start prepares the database). */
async function page0(browser: Browser, base: string) {
  const ctx = await browser.newContext({ baseURL: base })
  const page = await ctx.newPage()
  await page.goto('/login')
  await page.getByTestId('login-username').waitFor({ timeout: 120_000 })
  await ctx.close()
}

async function main() {
  mkdirSync(OUT, { recursive: true })
  const teardown = await globalSetup()
  const base = process.env.CITYOPS_E2E_URL ?? ''
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  })
  try {
    await page0(browser, base)
    await seed(base).catch((e: unknown) => console.warn(`seeding stopped: ${String(e)}`))
    const handler = await browser.newContext({ baseURL: base, viewport: PHONE, locale: 'zh-CN' })
    const page = await handler.newPage()
    page.on('pageerror', (e) => console.warn(`page error: ${e.message}`))
    await logIn(page, 'handler-cgj')
    await page.getByTestId('handler-queue').waitFor()
    await shot(page, '01-handler-queue')
    await page.locator('[data-testid^="case-row-"]').first().click()
    await page.getByTestId('field-case').waitFor()
    await shot(page, '02-handler-case')
    await page.getByTestId('case-action-dispose').click()
    await page.getByTestId('action-text').fill('已更换井盖，现场已清理')
    await page.getByTestId('evidence-input').setInputFiles({
      name: 'site.png',
      mimeType: 'image/png',
      buffer: readFileSync(PHOTO),
    })
    await page
      .locator('[data-testid="photo-uploaded"], [data-testid="photo-failed"]')
      .first()
      .waitFor()
    await page
      .locator('[data-testid="photo-uploaded"], [data-testid="photo-failed"]')
      .first()
      .scrollIntoViewIfNeeded()
    await shot(page, '03-handler-dispose-form')
    await page.getByTestId('action-submit').click()
    await page
      .locator('[data-testid="action-done"], [data-testid="mutation-error"]')
      .first()
      .waitFor()
    await shot(page, '04-handler-disposed')
    await page.locator('.field-case__history summary').click()
    await page.getByTestId('case-timeline').scrollIntoViewIfNeeded()
    await shot(page, '04b-handler-history')
    await page.getByTestId('field-back').click()
    await page.locator('[data-testid^="case-row-"]').nth(1).click()
    await page.getByTestId('case-action-requestExtension').click()
    await shot(page, '05-handler-extension-form')

    const inspector = await browser.newContext({ baseURL: base, viewport: PHONE, locale: 'zh-CN' })
    const ip = await inspector.newPage()
    ip.on('pageerror', (e) => console.warn(`page error: ${e.message}`))
    await logIn(ip, 'inspector')
    await ip.getByTestId('report-form').waitFor()
    await ip.getByTestId('report-submit').click()
    await shot(ip, '06-inspector-report-errors')
    await ip.getByTestId('report-category-search').fill('井')
    await ip.getByTestId('report-map-toggle').click()
    await ip.getByTestId('report-map').waitFor()
    await ip.waitForTimeout(2500)
    await ip.getByTestId('report-map').click({ position: { x: 180, y: 150 } })
    await shot(ip, '07-inspector-report-map')
    await ip.getByTestId('report-category').selectOption({ index: 1 })
    await ip.getByTestId('report-description').fill('人民路人行道井盖缺失，已放置警示')
    await ip.getByTestId('evidence-input').setInputFiles({
      name: 'report.png',
      mimeType: 'image/png',
      buffer: readFileSync(PHOTO),
    })
    await ip.getByTestId('report-submit').click()
    await ip.getByTestId('report-done').waitFor()
    await ip
      .locator('[data-testid="photo-uploaded"], [data-testid="photo-failed"]')
      .first()
      .waitFor()
    await shot(ip, '07b-inspector-reported')
    await ip.getByTestId('field-tab-tasks').click()
    await ip.locator('[data-testid="inspector-tasks"], .co-state').first().waitFor()
    await shot(ip, '08-inspector-tasks')
    await ip.getByTestId('language-switch').click()
    await ip.locator('[data-testid^="case-row-"]').first().click()
    await ip.getByTestId('field-case').waitFor()
    await shot(ip, '10-inspector-task-en')

    // English, and offline: the app shell from the service worker and the offline notices.
    await page
      .getByTestId('field-back')
      .click()
      .catch(() => undefined)
    await page.evaluate(() => navigator.serviceWorker?.ready)
    await handler.setOffline(true)
    await page.reload().catch(() => undefined)
    // The shell comes from the service worker; the session check gives up and says offline.
    await page.locator('.co-state--error').waitFor({ timeout: 60_000 })
    await shot(page, '09-handler-offline')
  } finally {
    await browser.close()
    await teardown?.()
  }
}

await main()
