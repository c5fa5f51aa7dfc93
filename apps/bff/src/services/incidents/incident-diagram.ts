import {
  ASSIGNMENT_STATUS_LABELS,
  ASSIGNMENT_STATUSES,
  ASSIGNMENT_STEPS,
  INCIDENT_COMMAND_TYPES,
  INCIDENT_STATUSES,
  INCIDENT_WORKFLOW_RULES,
  isAssignmentCommandType,
  type IncidentStatus,
} from '@cityops/domain'

export const INCIDENT_DIAGRAM_BEGIN =
  '<!-- incident-workflow-diagram:begin (npm run docs:workflows) -->'
export const INCIDENT_DIAGRAM_END = '<!-- incident-workflow-diagram:end -->'
export const ASSIGNMENT_DIAGRAM_BEGIN =
  '<!-- assignment-lifecycle-diagram:begin (npm run docs:workflows) -->'
export const ASSIGNMENT_DIAGRAM_END = '<!-- assignment-lifecycle-diagram:end -->'

const INCIDENT_LABELS: Record<IncidentStatus, string> = {
  reported: '已报告',
  confirmed: '已确认',
  responding: '处置中',
  resolved: '已处置',
  closed: '已结束',
}

/**
 * The incident state machine as Mermaid, from INCIDENT_WORKFLOW_RULES: one edge per (from, to)
 * with its actions; actions that keep the state are self-loops. The last `finish` resolving
 * the incident is the domain's stepAssignment rule, drawn as its own edge.
 */
export function incidentWorkflowMermaid(): string {
  const edges = new Map<string, string[]>()
  for (const action of INCIDENT_COMMAND_TYPES) {
    const { from, to }: { from: readonly IncidentStatus[]; to: IncidentStatus | null } =
      INCIDENT_WORKFLOW_RULES[action]
    for (const state of from) {
      const key = `${state} --> ${to ?? state}`
      const label = action === 'close' ? 'close (every assignment finished)' : action
      edges.set(key, [...(edges.get(key) ?? []), label])
    }
  }
  const finishes = INCIDENT_COMMAND_TYPES.filter(isAssignmentCommandType).includes('finish')
  if (finishes) edges.set('responding --> resolved', ['finish (the last open assignment)'])
  return [
    '```mermaid',
    'stateDiagram-v2',
    ...INCIDENT_STATUSES.map((s) => `  ${s} : ${s} ${INCIDENT_LABELS[s]}`),
    '  [*] --> reported',
    ...[...edges].map(([edge, actions]) => `  ${edge} : ${actions.join(', ')}`),
    '  closed --> [*]',
    '```',
  ].join('\n')
}

/** One assignment's lifecycle as Mermaid, from ASSIGNMENT_STEPS. */
export function assignmentLifecycleMermaid(): string {
  return [
    '```mermaid',
    'stateDiagram-v2',
    ...ASSIGNMENT_STATUSES.map((s) => `  ${s} : ${s} ${ASSIGNMENT_STATUS_LABELS[s].zh}`),
    '  [*] --> notified : assign',
    ...Object.entries(ASSIGNMENT_STEPS).map(([action, s]) => `  ${s.from} --> ${s.to} : ${action}`),
    '  finished --> [*]',
    '```',
  ].join('\n')
}

function replaceBetween(doc: string, begin: string, end: string, content: string) {
  const start = doc.indexOf(begin)
  const stop = doc.indexOf(end)
  if (start < 0 || stop < start) throw new Error(`docs/WORKFLOWS.md lost its markers ${begin}`)
  return `${doc.slice(0, start + begin.length)}\n${content}\n${doc.slice(stop)}`
}

/** `doc` with the incident and assignment diagrams regenerated between their markers. */
export function withIncidentDiagrams(doc: string): string {
  const incident = replaceBetween(
    doc,
    INCIDENT_DIAGRAM_BEGIN,
    INCIDENT_DIAGRAM_END,
    incidentWorkflowMermaid(),
  )
  return replaceBetween(
    incident,
    ASSIGNMENT_DIAGRAM_BEGIN,
    ASSIGNMENT_DIAGRAM_END,
    assignmentLifecycleMermaid(),
  )
}
