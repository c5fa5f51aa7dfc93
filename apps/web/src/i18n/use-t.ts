import { useCallback } from 'react'
import { useAppStore } from '../stores/app-store'
import type { MessageKey, MessageParams } from './messages'
import { translate } from './translate'
import type { Translate } from './translate'

/** The translate function for the current locale; components re-render when it changes. */
export function useT(): Translate {
  const locale = useAppStore((s) => s.locale)
  return useCallback(
    (key: MessageKey, params?: MessageParams) => translate(locale, key, params),
    [locale],
  )
}
