import { useCallback } from 'react'
import { useAppStore } from '../stores/app-store'
import { pickLabel } from './labels'
import type { BilingualLabel } from './labels'

/** Picks the current language's text of a domain label; re-renders on locale change. */
export function useLabel(): (label: BilingualLabel) => string {
  const locale = useAppStore((s) => s.locale)
  return useCallback((label: BilingualLabel) => pickLabel(locale, label), [locale])
}
