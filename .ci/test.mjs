#!/usr/bin/env node
// `npm test`: unit (domain, ui, web), integration (bff on PGlite, and on PostgreSQL+PostGIS
// when TEST_DATABASE_URL is set), then the browser suite. Ends with one plain line
// "N passed, N failed" summing every runner, and exits non-zero if anything failed.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const reports = path.join(root, '.reports')
rmSync(reports, { recursive: true, force: true })
mkdirSync(reports, { recursive: true })

const only = process.argv[2]
const stages = [
  { name: 'unit', kind: 'vitest', projects: ['domain', 'ui', 'web'] },
  { name: 'int', kind: 'vitest', projects: ['bff'] },
  { name: 'e2e', kind: 'playwright' },
].filter((s) => !only || s.name === only)

const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status

const totals = { passed: 0, failed: 0, skipped: 0 }
let broken = false

for (const stage of stages) {
  const report = path.join(reports, `${stage.name}.json`)
  console.log(`\n=== ${stage.name} tests ===`)
  let status
  if (stage.kind === 'vitest') {
    const projects = stage.projects.flatMap((p) => ['--project', p])
    status = run('npx', [
      'vitest',
      'run',
      ...projects,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ])
  } else {
    status = run('npm', ['run', 'build', '--workspace', '@cityops/web'])
    if (status === 0)
      status = run('npx', ['playwright', 'test', '--config', 'e2e/playwright.config.ts'], {
        E2E_JSON_REPORT: report,
        PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
      })
  }
  const counts = existsSync(report) ? readCounts(stage.kind, report) : null
  if (!counts) {
    console.error(
      `${stage.name}: the runner wrote no report (exit ${status}); counted as one failure.`,
    )
    totals.failed += 1
    broken = true
    continue
  }
  console.log(
    `${stage.name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`,
  )
  totals.passed += counts.passed
  totals.failed += counts.failed
  totals.skipped += counts.skipped
  if (status !== 0 && counts.failed === 0) {
    console.error(
      `${stage.name}: the runner exited ${status} with no failed test; counted as one failure.`,
    )
    totals.failed += 1
  }
  if (status !== 0) broken = true
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(broken || totals.failed > 0 ? 1 : 0)

function readCounts(kind, file) {
  const r = JSON.parse(readFileSync(file, 'utf8'))
  if (kind === 'vitest') {
    return {
      passed: r.numPassedTests,
      failed: r.numFailedTests,
      skipped: r.numPendingTests + r.numTodoTests,
    }
  }
  const s = r.stats
  return { passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped }
}
