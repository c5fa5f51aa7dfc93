// `npm start` builds the SPA only when dist/ is missing or older than anything it is built
// from, so a second start is instant and a fresh clone still gets a build.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const root = path.resolve(web, '../..')
const built = path.join(web, 'dist/index.html')
const inputs = [
  path.join(web, 'src'),
  path.join(web, 'index.html'),
  path.join(web, 'vite.config.ts'),
  path.join(web, 'package.json'),
  path.join(root, 'packages/ui/src'),
  path.join(root, 'packages/domain/src'),
  path.join(root, 'package-lock.json'),
]

function newestMtime(p) {
  if (!existsSync(p)) return 0
  const stat = statSync(p)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(0, ...readdirSync(p).map((name) => newestMtime(path.join(p, name))))
}

const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0
const changedAt = Math.max(...inputs.map(newestMtime))
if (builtAt > changedAt) {
  console.log('cityops: the web app is up to date (apps/web/dist)')
} else {
  console.log('cityops: building the web app (apps/web/dist)…')
  const result = spawnSync('npx', ['vite', 'build'], { cwd: web, stdio: 'inherit' })
  process.exit(result.status ?? 1)
}
