import type { ZH_CN } from './zh-cn'

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]

export type MessageKey = keyof typeof ZH_CN
/** A complete dictionary: exactly the zh-CN keys (an object literal with extra keys fails too). */
export type Messages = { readonly [K in MessageKey]: string }
export type MessageParams = Readonly<Record<string, string | number>>

/** An English (or other) part mirroring one zh-CN part: exactly its keys. */
export type DictionaryPart<Reference> = { readonly [K in keyof Reference]: string }
