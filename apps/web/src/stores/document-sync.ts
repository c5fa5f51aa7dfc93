import { translate } from '../i18n/translate'
import { useAppStore } from './app-store'
import type { AppState } from './app-store'

function apply(state: AppState, doc: Document): void {
  const root = doc.documentElement
  root.lang = state.locale
  root.dataset.theme = state.theme
  doc.title = translate(state.locale, 'app.documentTitle')
}

/** Mirrors locale and theme onto `<html lang data-theme>` and the title; returns unsubscribe. */
export function syncDocumentWithStore(doc: Document = document): () => void {
  apply(useAppStore.getState(), doc)
  return useAppStore.subscribe((state) => apply(state, doc))
}
