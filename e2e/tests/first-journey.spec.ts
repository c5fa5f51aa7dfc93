import { expect, logIn, renderedCount, test, waitForMap } from '../fixtures/app'

test.describe('first journey: open the command center', () => {
  test('the map draws Zhengzhou’s districts offline and the health badge is green', async ({
    page,
    appErrors,
  }) => {
    await logIn(page, 'operator')
    await expect(page).toHaveURL(/\/$/)
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
    await expect(page.getByRole('banner')).toContainText('城市运行指挥中心')

    const badge = page.getByTestId('health-badge')
    await expect(badge).toHaveAttribute('data-status', 'ok')
    await expect(badge).toContainText('PGlite')

    await waitForMap(page)
    expect(await renderedCount(page, 'districts-fill')).toBeGreaterThanOrEqual(12)
    expect(await renderedCount(page, 'districts-label')).toBe(12)
    expect(await renderedCount(page, 'aqi-stations')).toBe(9)
    expect(appErrors).toEqual([])
  })

  test('the language switch turns every label to English and back', async ({ page, appErrors }) => {
    await page.goto('/login')
    await page.getByRole('button', { name: 'English' }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page.getByRole('banner')).toContainText('City Operations Center')
    await expect(page.getByTestId('health-badge')).toContainText('PGlite')
    await expect(page.getByTestId('login-submit')).toHaveText('Sign in')

    await page.reload() // the choice is remembered
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await page.getByRole('button', { name: '中文' }).click()
    await expect(page.getByRole('banner')).toContainText('城市运行指挥中心')
    expect(appErrors).toEqual([])
  })
})
