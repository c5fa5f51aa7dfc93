import { readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { z } from 'zod'

const ManifestChunk = z.object({
  file: z.string(),
  isEntry: z.boolean().optional(),
  imports: z.array(z.string()).optional(),
  dynamicImports: z.array(z.string()).optional(),
  assets: z.array(z.string()).optional(),
})
const Manifest = z.record(z.string(), ManifestChunk)
type Manifest = z.infer<typeof Manifest>

export interface FileSize {
  file: string
  bytes: number
  gzipBytes: number
}

export interface LazyGroup {
  /** The module a dynamic `import()` loads, e.g. src/features/wall/wall-page.tsx. */
  entry: string
  files: FileSize[]
}

export interface B6Result {
  buildMs: number
  initial: FileSize[]
  lazy: LazyGroup[]
  workers: FileSize[]
  /** gzip bytes of the initial JS plus the lazily loaded wall/map route. */
  wallAllInGzip: number
}

export const WALL_ROUTE_MODULE = 'src/features/wall/wall-page.tsx'

const sizeOf = (dir: string, file: string): FileSize => {
  const content = readFileSync(path.join(dir, file))
  return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length }
}

/** Files a chunk pulls in statically (itself and its `imports`, transitively). */
function staticClosure(manifest: Manifest, keys: string[]): Set<string> {
  const files = new Set<string>()
  const seen = new Set<string>()
  const visit = (key: string) => {
    const chunk = manifest[key]
    if (!chunk || seen.has(key)) return
    seen.add(key)
    files.add(chunk.file)
    for (const k of chunk.imports ?? []) visit(k)
  }
  for (const key of keys) visit(key)
  return files
}

/** What index.html loads at once: its module scripts and modulepreloads. */
function htmlScripts(html: string): string[] {
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? []
  return tags.flatMap((tag) => {
    const isScript = tag.startsWith('<script') && /type="module"/.test(tag)
    const isPreload = /rel="modulepreload"/.test(tag)
    const url = /(?:src|href)="\/?([^"]+)"/.exec(tag)?.[1]
    return (isScript || isPreload) && url ? [url] : []
  })
}

/** B6: gzip (level 9) sizes of a production build of apps/web, split by when the browser loads them. */
export function measureBundle(outDir: string, buildMs: number): B6Result {
  const manifest = Manifest.parse(
    JSON.parse(readFileSync(path.join(outDir, '.vite/manifest.json'), 'utf8')),
  )
  const entries = Object.keys(manifest).filter((k) => manifest[k]?.isEntry)
  const html = readFileSync(path.join(outDir, 'index.html'), 'utf8')
  const initialFiles = new Set([...htmlScripts(html), ...staticClosure(manifest, entries)])
  const dynamicKeys = [...new Set(Object.values(manifest).flatMap((c) => c.dynamicImports ?? []))]
  const lazy = dynamicKeys.map((entry) => ({
    entry,
    files: [...staticClosure(manifest, [entry])]
      .filter((f) => !initialFiles.has(f))
      .map((f) => sizeOf(outDir, f)),
  }))
  const workerFiles = Object.values(manifest)
    .flatMap((c) => c.assets ?? [])
    .filter((f) => /worker.*\.m?js$/.test(f))
  const initial = [...initialFiles].map((f) => sizeOf(outDir, f))
  const gzip = (files: FileSize[]) => files.reduce((a, f) => a + f.gzipBytes, 0)
  const wall = lazy.find((g) => g.entry === WALL_ROUTE_MODULE)
  return {
    buildMs,
    initial,
    lazy,
    workers: [...new Set(workerFiles)].map((f) => sizeOf(outDir, f)),
    wallAllInGzip: gzip(initial) + (wall ? gzip(wall.files) : Number.NaN),
  }
}
