import { useEffect } from 'react'
import { useAppStore } from '../../stores/app-store'

const APPLIED_KEY = 'cityops.deskTheme'

/**
 * Desks are worked at arm's length all shift: the first time someone opens one, switch the
 * wall's dark default to the light desk theme. After that their own choice stands.
 */
export function useDeskTheme(): void {
  const setTheme = useAppStore((s) => s.setTheme)
  useEffect(() => {
    try {
      if (localStorage.getItem(APPLIED_KEY)) return
      localStorage.setItem(APPLIED_KEY, 'desk')
    } catch {
      return // storage blocked: leave the theme alone
    }
    if (useAppStore.getState().theme === 'wall') setTheme('desk')
  }, [setTheme])
}
