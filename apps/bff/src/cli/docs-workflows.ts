import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { REPO_ROOT } from '../config'
import { withGeneratedDiagram } from '../services/case-workflow/workflow-diagram'
import { withIncidentDiagrams } from '../services/incidents/incident-diagram'

// `npm run docs:workflows`: regenerates the state diagrams in docs/WORKFLOWS.md from the domain's
// transition table; `-- --check` only reports (exit 1) when the committed one differs.
const file = path.join(REPO_ROOT, 'docs/WORKFLOWS.md')
const committed = readFileSync(file, 'utf8')
const generated = withIncidentDiagrams(withGeneratedDiagram(committed))
if (process.argv.includes('--check')) {
  if (generated !== committed) {
    console.error('docs/WORKFLOWS.md is stale: run npm run docs:workflows')
    process.exitCode = 1
  }
} else if (generated !== committed) {
  writeFileSync(file, generated)
  console.log('docs/WORKFLOWS.md: diagram regenerated')
}
