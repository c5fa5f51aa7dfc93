import { Hono } from 'hono'
import path from 'node:path'
import type { DatabaseHandle } from './db/client'
import { spaFallback, staticFiles } from './http/static-files'
import { healthRoutes } from './routes/health'

export interface AppDeps {
  database: DatabaseHandle
  version: string
  /** Folders served at `/` in production: the built SPA first, then public/. Empty in dev. */
  staticRoots: { webDistDir: string; publicDir: string } | null
}

/** Builds the HTTP app from its dependencies; nothing here reads the environment. */
export function createApp(deps: AppDeps) {
  const api = new Hono().route('/health', healthRoutes(deps))

  const app = new Hono()
  app.route('/api', api)
  app.all('/api/*', (c) => c.json({ error: `No API endpoint ${c.req.method} ${c.req.path}.` }, 404))
  if (deps.staticRoots) {
    const { webDistDir, publicDir } = deps.staticRoots
    app.use('*', staticFiles(webDistDir), staticFiles(publicDir))
    app.use('*', spaFallback(path.join(webDistDir, 'index.html')))
  }
  app.notFound((c) => c.text('Not found', 404))
  app.onError((error, c) => {
    console.error(`cityops: unhandled error on ${c.req.method} ${c.req.path}:`, error)
    return c.json({ error: 'The server could not complete this request; it has been logged.' }, 500)
  })
  return app
}

export type AppType = ReturnType<typeof createApp>
