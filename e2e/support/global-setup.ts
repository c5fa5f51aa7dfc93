import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/**
 * Starts the BFF exactly as `npm start` would, but on a free port (PORT=0) with a fresh
 * temporary DATA_DIR, and publishes its URL to the tests as CITYOPS_E2E_URL.
 */
export default async function globalSetup() {
  if (process.env.CITYOPS_E2E_URL) return undefined // a developer's already-running app
  if (!existsSync(path.join(REPO_ROOT, 'apps/web/dist/index.html'))) {
    throw new Error('apps/web/dist is missing: run `npm run build` (npm test does it for you).')
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cityops-e2e-'))
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: path.join(REPO_ROOT, 'apps/bff'),
    // The journeys so far need a quiet city; the simulator's feed is tested in the BFF suite.
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      SIMULATOR: 'off',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`BFF did not start in 120 s:\n${output}`)),
      120_000,
    )
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /serving http:\/\/[^:]+:(\d+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(Number(match[1]))
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('exit', (code) => reject(new Error(`BFF exited (${code}) before serving:\n${output}`)))
  })
  process.env.CITYOPS_E2E_URL = `http://127.0.0.1:${port}`
  return async () => {
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
    rmSync(dataDir, { recursive: true, force: true })
  }
}
