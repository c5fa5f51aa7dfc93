import { useEffect } from 'react'
import { useAppStore } from '../../stores/app-store'

const APPLIED_KEY = 'cityops.fieldTheme'

/**
 * Phones are used outdoors: the first time someone opens a field screen, switch the wall's dark
 * default to the light desk theme (readable in sunlight). After that their own choice stands.
 */
export function useFieldTheme(): void {
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
