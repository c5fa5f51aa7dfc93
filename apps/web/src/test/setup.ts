import { cleanup } from '@testing-library/react'
import { afterEach, beforeEach, vi } from 'vitest'
import type { MockInstance } from 'vitest'
import { useAppStore } from '../stores/app-store'
import { DEFAULT_LOCALE } from '../stores/locale-slice'
import { DEFAULT_THEME } from '../stores/theme-slice'

// A console.error during a test (React warnings, act() misuse, bad props) fails that test.
// Checked in afterEach because React may swallow an exception thrown from inside its logging.
let consoleError: MockInstance<typeof console.error>

beforeEach(() => {
  useAppStore.setState({ locale: DEFAULT_LOCALE, theme: DEFAULT_THEME, hasLoggedOut: false })
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined)
})

afterEach(() => {
  cleanup()
  const calls = consoleError.mock.calls
  consoleError.mockRestore()
  if (calls.length > 0) {
    throw new Error(
      `console.error was called:\n${calls.map((c) => c.map(String).join(' ')).join('\n')}`,
    )
  }
})

afterEach(() => {
  localStorage.clear()
})
