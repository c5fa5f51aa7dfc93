import type { StateCreator } from 'zustand'
import type { Locale } from '../i18n'
import type { AppState } from './app-store'

export type LocaleSlice = {
  locale: Locale
  setLocale: (locale: Locale) => void
  toggleLocale: () => void
}

export const DEFAULT_LOCALE: Locale = 'zh-CN'

export const createLocaleSlice: StateCreator<AppState, [], [], LocaleSlice> = (set) => ({
  locale: DEFAULT_LOCALE,
  setLocale: (locale) => set({ locale }),
  toggleLocale: () => set((s) => ({ locale: s.locale === 'zh-CN' ? 'en' : 'zh-CN' })),
})
