import { THEMES } from '@cityops/ui'
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { LOCALES } from '../i18n/messages'
import { createLocaleSlice } from './locale-slice'
import type { LocaleSlice } from './locale-slice'
import { createSessionSlice } from './session-slice'
import type { SessionSlice } from './session-slice'
import { createThemeSlice } from './theme-slice'
import type { ThemeSlice } from './theme-slice'

/** UI state only. Server data lives in the TanStack Query cache, never here. */
export type AppState = LocaleSlice & ThemeSlice & SessionSlice

type Persisted = Pick<AppState, 'locale' | 'theme'>

export const APP_STORE_KEY = 'cityops.ui'

const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (values as readonly string[]).includes(value)

// localStorage is user-editable: keep only values we know.
function mergePersisted(persisted: unknown, current: AppState): AppState {
  if (typeof persisted !== 'object' || persisted === null) return current
  const next = { ...current }
  if ('locale' in persisted && isOneOf(LOCALES, persisted.locale)) next.locale = persisted.locale
  if ('theme' in persisted && isOneOf(THEMES, persisted.theme)) next.theme = persisted.theme
  return next
}

export const useAppStore = create<AppState>()(
  persist(
    (...args) => ({
      ...createLocaleSlice(...args),
      ...createThemeSlice(...args),
      ...createSessionSlice(...args),
    }),
    {
      name: APP_STORE_KEY,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s): Persisted => ({ locale: s.locale, theme: s.theme }),
      merge: mergePersisted,
    },
  ),
)
