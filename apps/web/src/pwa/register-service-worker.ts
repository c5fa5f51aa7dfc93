/**
 * Registers the build's service worker (apps/web/pwa) so the installed field app opens offline.
 * Production builds only: in development Vite serves modules that must never be cached.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error: unknown) => {
      // An app without offline support still works; say why in the console only.
      console.warn('[pwa] service worker not registered', error)
    })
  })
}
