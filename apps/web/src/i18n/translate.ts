import { EN } from './en'
import type { Locale, MessageKey, MessageParams, Messages } from './messages'
import { ZH_CN } from './zh-cn'

export const DICTIONARIES: Record<Locale, Messages> = { 'zh-CN': ZH_CN, en: EN }

/** Looks a key up and fills `{name}` placeholders; an unknown placeholder stays visible. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = DICTIONARIES[locale][key]
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name]
    return value === undefined ? match : String(value)
  })
}

export type Translate = (key: MessageKey, params?: MessageParams) => string
