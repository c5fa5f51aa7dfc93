import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../src/config'
import { withGeneratedDiagram } from '../src/services/case-workflow/workflow-diagram'
import { withIncidentDiagrams } from '../src/services/incidents/incident-diagram'

// docs/WORKFLOWS.md carries the case state diagram generated from the domain's rules.
describe('docs/WORKFLOWS.md', () => {
  it('has the diagram the transition table generates (npm run docs:workflows)', () => {
    const committed = readFileSync(path.join(REPO_ROOT, 'docs/WORKFLOWS.md'), 'utf8')
    expect(committed).toBe(withGeneratedDiagram(committed))
  })

  it('has the incident and assignment diagrams the incident rules generate', () => {
    const committed = readFileSync(path.join(REPO_ROOT, 'docs/WORKFLOWS.md'), 'utf8')
    expect(committed).toBe(withIncidentDiagrams(committed))
  })
})
