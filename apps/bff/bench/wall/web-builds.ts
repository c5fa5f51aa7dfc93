import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { build } from 'vite'
import { REPO_ROOT } from '../../src/config'

export const WEB_DIR = path.join(REPO_ROOT, 'apps/web')
const BENCH_PAGE_DIR = path.join(WEB_DIR, 'bench')

export interface TempDir {
  path: string
  dispose: () => void
}

export function tempDir(prefix: string): TempDir {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  return { path: dir, dispose: () => rmSync(dir, { recursive: true, force: true }) }
}

/**
 * The production build of apps/web with its own vite.config.ts, into `outDir` instead of
 * apps/web/dist (others' e2e runs serve that). The manifest maps chunks back to modules.
 */
export async function buildWebApp(outDir: string): Promise<number> {
  const startedAt = performance.now()
  await build({
    root: WEB_DIR,
    configFile: path.join(WEB_DIR, 'vite.config.ts'),
    mode: 'production',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, manifest: true },
  })
  return performance.now() - startedAt
}

/** B2's page (apps/web/bench/b2.html), built like the app: ES-module MapLibre worker, minified. */
export async function buildBenchPage(outDir: string): Promise<void> {
  await build({
    root: BENCH_PAGE_DIR,
    configFile: false,
    mode: 'production',
    logLevel: 'warn',
    publicDir: false,
    worker: { format: 'es' },
    build: {
      outDir,
      emptyOutDir: true,
      chunkSizeWarningLimit: 2000,
      rolldownOptions: { input: path.join(BENCH_PAGE_DIR, 'b2.html') },
    },
  })
}
