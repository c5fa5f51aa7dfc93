import { useEffect } from 'react'
import { useAppStore } from '../../stores/app-store'

/**
 * Desks are worked at arm's length all shift and phones outdoors: the first time someone opens
 * such a screen (per `storageKey`), switch the wall's dark default to the light desk theme.
 * After that their own choice stands.
 */
export function useLightThemeOnce(storageKey: string): void {
  const setTheme = useAppStore((s) => s.setTheme)
  useEffect(() => {
    try {
      if (localStorage.getItem(storageKey)) return
      localStorage.setItem(storageKey, 'desk')
    } catch {
      return // storage blocked: leave the theme alone
    }
    if (useAppStore.getState().theme === 'wall') setTheme('desk')
  }, [setTheme, storageKey])
}
