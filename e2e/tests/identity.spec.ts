import { expect, logIn, test } from '../fixtures/app'

// Every role lands on its own home view after logging in (docs/API.md, issue 3).
const HOMES = [
  { username: 'operator', role: 'operator', path: /\/$/, heading: '运行总览' },
  { username: 'leader', role: 'leader', path: /\/thematic$/, heading: '专题图' },
  { username: 'dispatcher', role: 'dispatcher', path: /\/dispatch$/, heading: '派遣队列' },
  { username: 'handler-cgj', role: 'handler', path: /\/departments\/cgj$/, heading: '部门工作台' },
  { username: 'inspector', role: 'inspector', path: /\/field$/, heading: '现场巡查' },
  { username: 'intake', role: 'intake', path: /\/intake$/, heading: '受理台' },
  { username: 'shiftlead', role: 'shiftLead', path: /\/shift$/, heading: '值班长工作台' },
  { username: 'admin', role: 'admin', path: /\/admin\/users$/, heading: '用户管理' },
] as const

test.describe('identity: each role logs in and lands on its home view', () => {
  for (const home of HOMES) {
    test(`${home.username} lands on ${home.heading}`, async ({ page, appErrors }) => {
      await logIn(page, home.username)
      await expect(page).toHaveURL(home.path)
      await expect(page.getByTestId(`home-${home.role}`)).toBeVisible()
      await expect(page.getByRole('heading', { level: 1 })).toContainText(home.heading)
      expect(appErrors).toEqual([])
    })
  }

  test('a handler cannot open another department’s page by URL', async ({ page }) => {
    await logIn(page, 'handler-cgj')
    await page.goto('/departments/sthjj')
    await expect(page.getByTestId('forbidden-state')).toBeVisible()
    await expect(page.getByTestId('forbidden-message')).toContainText('cgj')
    await page.goto('/departments/cgj')
    await expect(page.getByTestId('home-handler')).toBeVisible()
  })

  test('wrong password shows the server’s message; logging out returns to the login page', async ({
    page,
  }) => {
    await page.goto('/login')
    await page.getByTestId('login-username').fill('dispatcher')
    await page.getByTestId('login-password').fill('not-the-password')
    await page.getByTestId('login-submit').click()
    await expect(page.getByTestId('login-error')).toContainText('用户名或密码错误')

    await logIn(page, 'dispatcher')
    await page.getByTestId('user-menu-button').click()
    await page.getByTestId('menu-logout').click()
    await expect(page).toHaveURL(/\/login$/)
    await page.goto('/dispatch')
    await expect(page).toHaveURL(/\/login\?next=/)
  })
})
