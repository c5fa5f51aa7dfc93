// The wall's chunk (with MapLibre) on its own, so the router can load it lazily and the login
// page can fetch it while someone types: the wall then opens the moment an operator signs in.
export const loadWallPage = () => import('./wall-page')

/** Fetches the wall's code when the browser is idle; failures are left to the real navigation. */
export function prefetchWallPage(): () => void {
  const start = () => void loadWallPage().catch(() => undefined)
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(start, { timeout: 2000 })
    return () => cancelIdleCallback(id)
  }
  const id = setTimeout(start, 500)
  return () => clearTimeout(id)
}
