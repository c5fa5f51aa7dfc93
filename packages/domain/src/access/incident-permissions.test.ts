import { describe, it, expect } from 'vitest'
import { INCIDENT_STATUSES, canTransitionIncident } from '../incident'
import { LIVE_TOPICS } from '../live-event'
import { ROLES } from '../user'
import {
  INCIDENT_TRANSITION_PERMISSIONS,
  LIVE_TOPIC_PERMISSIONS,
  incidentTransitionPermission,
} from './incident-permissions'
import { ROLE_PERMISSIONS } from './role-permissions'

const pairs = INCIDENT_STATUSES.flatMap((from) =>
  INCIDENT_STATUSES.map((to) => [from, to] as const),
)

describe('incident transitions ↔ permissions', () => {
  it.each(pairs)(
    '%s → %s has a permission exactly when the state machine allows it',
    (from, to) => {
      const permission = incidentTransitionPermission(from, to)
      expect(permission !== null).toBe(canTransitionIncident(from, to))
      if (permission !== null) {
        expect(ROLES.some((role) => ROLE_PERMISSIONS[role].includes(permission))).toBe(true)
      }
    },
  )

  it('only the operator and the shift lead close incidents, and closing is its own permission', () => {
    expect(INCIDENT_TRANSITION_PERMISSIONS.resolved.closed).toBe('incident.close')
    expect(ROLES.filter((role) => ROLE_PERMISSIONS[role].includes('incident.close'))).toEqual([
      'shiftLead',
      'operator',
    ])
  })
})

describe('live topics', () => {
  it('every topic needs a permission that some role holds', () => {
    expect(Object.keys(LIVE_TOPIC_PERMISSIONS).sort()).toEqual([...LIVE_TOPICS].sort())
    for (const permission of Object.values(LIVE_TOPIC_PERMISSIONS)) {
      expect(ROLES.some((role) => ROLE_PERMISSIONS[role].includes(permission))).toBe(true)
    }
  })
})
