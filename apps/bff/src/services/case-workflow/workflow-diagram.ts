import {
  CASE_COMMAND_TYPES,
  CASE_STATE_LABELS,
  CASE_STATES,
  CASE_WORKFLOW_RULES,
  isTerminalCaseState,
  type WorkflowRule,
} from '@cityops/domain'

export const DIAGRAM_BEGIN = '<!-- case-workflow-diagram:begin (npm run docs:workflows) -->'
export const DIAGRAM_END = '<!-- case-workflow-diagram:end -->'

const OPEN_STATE_COUNT = CASE_STATES.filter((s) => !isTerminalCaseState(s)).length

/**
 * The case state machine as Mermaid, generated from the domain's CASE_WORKFLOW_RULES: one
 * edge per (from, to) with its actions; actions that keep the state are self-loops, except
 * those allowed in every open state (督办), which become a note.
 */
export function caseWorkflowMermaid(): string {
  const edges = new Map<string, string[]>()
  const everywhere: string[] = []
  for (const action of CASE_COMMAND_TYPES) {
    const rule: WorkflowRule = CASE_WORKFLOW_RULES[action]
    if (rule.to === null && rule.from.length === OPEN_STATE_COUNT) {
      everywhere.push(action)
      continue
    }
    for (const from of rule.from) {
      const key = `${from} --> ${rule.to ?? from}`
      edges.set(key, [...(edges.get(key) ?? []), action])
    }
  }
  const lines = [
    'stateDiagram-v2',
    ...CASE_STATES.map((s) => `  ${s} : ${s} ${CASE_STATE_LABELS[s]}`),
    '  [*] --> REPORTED',
    ...[...edges].map(([edge, actions]) => `  ${edge} : ${actions.join(', ')}`),
    ...CASE_STATES.filter(isTerminalCaseState).map((s) => `  ${s} --> [*]`),
  ]
  if (everywhere.length > 0) {
    lines.push(`  note right of DISPATCHED : ${everywhere.join(', ')} in every open state`)
  }
  return ['```mermaid', ...lines, '```'].join('\n')
}

/** `doc` with the text between the markers replaced by the generated diagram. */
export function withGeneratedDiagram(doc: string): string {
  const start = doc.indexOf(DIAGRAM_BEGIN)
  const end = doc.indexOf(DIAGRAM_END)
  if (start < 0 || end < start) throw new Error('docs/WORKFLOWS.md lost its diagram markers')
  return `${doc.slice(0, start + DIAGRAM_BEGIN.length)}\n${caseWorkflowMermaid()}\n${doc.slice(end)}`
}
