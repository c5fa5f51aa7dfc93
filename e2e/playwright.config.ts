import { defineConfig } from '@playwright/test'

// Debian's Chromium, never a downloaded browser (nothing can be downloaded here).
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const isCI = !!process.env.CI

export default defineConfig({
  testDir: './tests',
  // Starts the real BFF (built SPA, fresh PGlite data dir, free port) once for the run.
  globalSetup: './support/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: isCI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.E2E_JSON_REPORT ?? 'test-results/report.json' }],
  ],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    locale: 'zh-CN',
    viewport: { width: 1920, height: 1080 },
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: CHROMIUM,
          args: [
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            // Software WebGL: CI machines have no GPU, and MapLibre needs WebGL2.
            '--use-angle=swiftshader',
            '--enable-unsafe-swiftshader',
          ],
        },
      },
    },
  ],
})
