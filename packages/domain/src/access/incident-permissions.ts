import type { IncidentStatus, INCIDENT_STATUS_TRANSITIONS } from '../incident'
import type { LiveTopic } from '../live-event'
import type { Permission } from './permissions'

type IncidentTransitionPermissions = {
  [F in IncidentStatus]: Record<(typeof INCIDENT_STATUS_TRANSITIONS)[F][number], Permission>
}

// The permission behind each incident status change; the type forces exactly one entry per
// allowed transition. Going to `responding` is a consequence of assigning departments or units;
// confirming, resolving and reopening are edits of the incident; closing needs its own right
// because it carries the summary.
export const INCIDENT_TRANSITION_PERMISSIONS = {
  reported: {
    confirmed: 'incident.update',
    responding: 'incident.assign',
    closed: 'incident.close',
  },
  confirmed: {
    responding: 'incident.assign',
    resolved: 'incident.update',
    closed: 'incident.close',
  },
  responding: { resolved: 'incident.update' },
  resolved: { closed: 'incident.close', responding: 'incident.assign' },
  closed: {},
} as const satisfies IncidentTransitionPermissions

/** Permission for `from → to`, or null when the state machine does not allow the move. */
export function incidentTransitionPermission(
  from: IncidentStatus,
  to: IncidentStatus,
): Permission | null {
  const row: Partial<Record<IncidentStatus, Permission>> = INCIDENT_TRANSITION_PERMISSIONS[from]
  return row[to] ?? null
}

// Socket rooms per live topic: joining needs the read permission; for department-bound actors
// the BFF still filters each event with `can(actor, permission, target)`.
export const LIVE_TOPIC_PERMISSIONS = {
  incidents: 'incident.read',
  cases: 'case.read',
  traffic: 'thematic.view',
  environment: 'thematic.view',
  units: 'unit.read',
  alerts: 'alert.read',
} as const satisfies Record<LiveTopic, Permission>
