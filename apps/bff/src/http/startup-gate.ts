import path from 'node:path'
import { Hono } from 'hono'
import { securityHeaders } from './security'
import { spaFallback, staticFiles } from './static-files'

type Fetch = (request: Request, env?: unknown) => Response | Promise<Response>

/** The built SPA and public/ (basemap, glyphs, sprites): everything a page needs before it logs in. */
export function staticSite(roots: { webDistDir: string; publicDir: string }) {
  const site = new Hono()
  site.use('*', staticFiles(roots.webDistDir), staticFiles(roots.publicDir))
  site.use('*', spaFallback(path.join(roots.webDistDir, 'index.html')))
  return site
}

const needsTheApp = (pathname: string) =>
  pathname === '/api' ||
  pathname.startsWith('/api/') ||
  pathname.startsWith('/open311/') ||
  pathname.startsWith('/socket.io')

/**
 * The HTTP handler from the moment the port is bound: the page, its scripts and the basemap are
 * served at once while the database starts; API calls wait for the app (a login typed during
 * start-up simply takes longer), except the health check, which answers 503 "starting" so
 * probes and load balancers are never left hanging. Once the app is ready it serves everything.
 */
export function startupGate(site: Hono | null, app: Promise<{ fetch: Fetch }>): { fetch: Fetch } {
  let ready: { fetch: Fetch } | null = null
  void app.then(
    (a) => (ready = a),
    () => undefined, // the start-up failure is reported (and the process ends) by the caller
  )
  const securedSite = site ? new Hono().use('*', securityHeaders()).route('/', site) : null
  return {
    fetch: (request, env) => {
      if (ready) return ready.fetch(request, env)
      const { pathname } = new URL(request.url)
      if (pathname === '/api/health') {
        return Response.json(
          {
            status: 'starting',
            message: '服务正在启动 / The server is starting; try again shortly.',
          },
          { status: 503, headers: { 'Retry-After': '2' } },
        )
      }
      if (needsTheApp(pathname) || !securedSite) return app.then((a) => a.fetch(request, env))
      return securedSite.fetch(request, env)
    },
  }
}
