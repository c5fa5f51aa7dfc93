import { ASSIGNMENT_STATUSES, type AssignmentStatus } from '@cityops/domain'
import { Button, InlineAlert } from '@cityops/ui'
import { useRef } from 'react'
import {
  newIdempotencyKey,
  type AssignmentAction,
  type IncidentAssignmentView,
} from '../../api/incidents'
import { useT } from '../../i18n'
import { useAppStore } from '../../stores/app-store'
import { useIncidentNames } from './incident-labels'
import { incidentActionErrorText, useIncidentAction } from './use-incident-action'

const STEP_TIME: Record<AssignmentStatus, keyof IncidentAssignmentView> = {
  notified: 'notifiedAt',
  acknowledged: 'acknowledgedAt',
  enRoute: 'enRouteAt',
  onScene: 'onSceneAt',
  finished: 'finishedAt',
}

const formatClock = (locale: string, iso: string) =>
  new Date(iso).toLocaleTimeString(locale, { hourCycle: 'h23' })

/** notified → acknowledged → en route → on scene → finished, each with its time when reached. */
export function AssignmentStepper({ assignment }: { assignment: IncidentAssignmentView }) {
  const names = useIncidentNames()
  const locale = useAppStore((s) => s.locale)
  const reached = ASSIGNMENT_STATUSES.indexOf(assignment.status)
  return (
    <ol className="incident-steps" data-testid="assignment-steps">
      {ASSIGNMENT_STATUSES.map((step, i) => {
        const at = assignment[STEP_TIME[step]]
        return (
          <li
            key={step}
            className="incident-steps__step"
            data-state={i < reached ? 'done' : i === reached ? 'current' : 'todo'}
            aria-current={i === reached ? 'step' : undefined}
          >
            <span className="incident-steps__name">{names.step(step)}</span>
            {typeof at === 'string' ? (
              <time className="incident-steps__time" dateTime={at}>
                {formatClock(locale, at)}
              </time>
            ) : null}
          </li>
        )
      })}
    </ol>
  )
}

type ActionsProps = {
  incidentId: string
  version: number
  assignment: IncidentAssignmentView
  onActed?: (action: AssignmentAction) => void
}

/**
 * 签收 / 出发 / 到场 / 处置完毕: only what the server allows this person on this assignment.
 * Each action keeps its Idempotency-Key until it succeeds, so a retry is the same intent.
 */
export function AssignmentActions({ incidentId, version, assignment, onActed }: ActionsProps) {
  const t = useT()
  const keys = useRef(new Map<AssignmentAction, string>())
  const mutation = useIncidentAction(incidentId)
  if (assignment.allowedActions.length === 0) return null
  const run = (action: AssignmentAction) => {
    const key = keys.current.get(action) ?? newIdempotencyKey()
    keys.current.set(action, key)
    mutation.mutate(
      {
        request: { action, expectedVersion: version, assignmentId: assignment.id },
        idempotencyKey: key,
      },
      {
        onSuccess: () => {
          keys.current.delete(action)
          onActed?.(action)
        },
      },
    )
  }
  return (
    <div className="incident-actions">
      <div className="incident-actions__buttons" role="group" aria-label={t('incidents.actions')}>
        {assignment.allowedActions.map((action) => (
          <Button
            key={action}
            variant="primary"
            disabled={mutation.isPending}
            data-testid={`assignment-action-${action}`}
            onClick={() => run(action)}
          >
            {mutation.isPending ? t('incidents.submitting') : t(`incidents.action.${action}`)}
          </Button>
        ))}
      </div>
      {mutation.isError ? (
        <InlineAlert tone="error" data-testid="incident-action-error">
          {incidentActionErrorText(t, mutation.error)}
        </InlineAlert>
      ) : null}
    </div>
  )
}
