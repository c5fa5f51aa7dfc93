import type { Page } from 'playwright-core'
import { z } from 'zod'

export const TIMEOUT_MS = 120_000
export const epochNow = () => performance.timeOrigin + performance.now()
const Stamp = z.number()

// The map installs its test hook (window.__cityops) on its `load` event: note the page's time
// then, rather than when a poll from here happens to see it.
const STAMP_MAP_LOAD = `(() => {
  let api
  Object.defineProperty(window, '__cityops', {
    configurable: true,
    get: () => api,
    set: (value) => {
      api = value
      if (value && window.__b5MapLoadedAt === undefined) window.__b5MapLoadedAt = performance.now()
    },
  })
})()`
const POLL_MS = 20

/** Before the first navigation: stamp the map's load in the page's own clock. */
export const stampMapLoad = (page: Page) => page.addInitScript(STAMP_MAP_LOAD)

/**
 * Waits until `expression` is true in the page. The app's CSP forbids eval, which Playwright's
 * waitForFunction uses for a string; CDP's own evaluate is not subject to it.
 */
async function poll(page: Page, expression: string) {
  const deadline = Date.now() + TIMEOUT_MS
  while ((await page.evaluate(expression)) !== true) {
    if (Date.now() > deadline) throw new Error(`B5: ${expression} not true after ${TIMEOUT_MS} ms`)
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
}

/** Logs in as a person would, then the milestones of the wall coming alive (epoch ms). */
export async function openWall(page: Page, url: string) {
  await page.goto(`${url}/login`)
  const loginPageLoaded = Stamp.parse(
    await page.evaluate(
      'performance.timeOrigin + performance.getEntriesByType("navigation")[0].loadEventEnd',
    ),
  )
  await page.getByTestId('login-username').fill('operator')
  await page.getByTestId('login-password').fill('cityops-demo')
  await page.getByTestId('login-submit').click()
  await page.getByTestId('user-menu-button').waitFor({ timeout: TIMEOUT_MS })
  const loggedIn = epochNow()
  await poll(page, 'typeof window.__b5MapLoadedAt === "number"')
  const mapLoaded = Stamp.parse(
    await page.evaluate('performance.timeOrigin + window.__b5MapLoadedAt'),
  )
  const drawnAt = 'window.__cityops?.live?.firstEventDrawnAt'
  await poll(page, `typeof ${drawnAt} === "number"`)
  const firstEventDrawn = Stamp.parse(await page.evaluate(`performance.timeOrigin + ${drawnAt}`))
  return { loginPageLoaded, loggedIn, mapLoaded, firstEventDrawn }
}
