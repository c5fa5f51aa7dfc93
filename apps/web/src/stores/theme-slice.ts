import type { ThemeName } from '@cityops/ui'
import type { StateCreator } from 'zustand'
import type { AppState } from './app-store'

export type ThemeSlice = {
  theme: ThemeName
  setTheme: (theme: ThemeName) => void
}

/** The video wall is the primary display. */
export const DEFAULT_THEME: ThemeName = 'wall'

export const createThemeSlice: StateCreator<AppState, [], [], ThemeSlice> = (set) => ({
  theme: DEFAULT_THEME,
  setTheme: (theme) => set({ theme }),
})
