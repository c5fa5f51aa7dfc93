import { createReadStream, statSync } from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import type { Context, MiddlewareHandler } from 'hono'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.pbf': 'application/x-protobuf',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
}

/**
 * Serves files below `root`. Written here because the basemap's glyph folders have spaces
 * in their names ("Noto Sans Regular"), which @hono/node-server's serveStatic refuses.
 */
export function staticFiles(root: string): MiddlewareHandler {
  const base = path.resolve(root)
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next()
    const file = resolveInside(base, c.req.path)
    if (!file) return next()
    return sendFile(c, file, c.req.path.startsWith('/assets/'))
  }
}

/** Client-side routes: any GET that is not an API call or a file gets the SPA's index.html. */
export function spaFallback(indexHtml: string): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' || isFileOrApi(c.req.path)) return next()
    if (!statSafe(indexHtml)?.isFile()) return next()
    return sendFile(c, indexHtml, false)
  }
}

const isFileOrApi = (p: string) =>
  p.startsWith('/api/') || p === '/api' || p.startsWith('/socket.io') || path.extname(p) !== ''

function resolveInside(base: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const full = path.resolve(base, `.${path.posix.normalize(decoded)}`)
  if (full !== base && !full.startsWith(base + path.sep)) return null
  const stat = statSafe(full)
  if (stat?.isFile()) return full
  if (stat?.isDirectory() && statSafe(path.join(full, 'index.html'))?.isFile()) {
    return path.join(full, 'index.html')
  }
  return null
}

function statSafe(p: string) {
  try {
    return statSync(p)
  } catch {
    return undefined
  }
}

function sendFile(c: Context, file: string, isHashedAsset: boolean) {
  const size = statSync(file).size
  c.header('Content-Type', MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream')
  c.header('Content-Length', String(size))
  // Vite's /assets/ names carry a content hash; everything else may change between releases.
  c.header('Cache-Control', isHashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache')
  if (c.req.method === 'HEAD') return c.body(null, 200)
  const stream = Readable.toWeb(createReadStream(file)) as ReadableStream
  return c.body(stream, 200)
}
