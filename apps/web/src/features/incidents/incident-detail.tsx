import type { IncidentAction } from '@cityops/domain'
import { Button, EmptyState, LoadingState, Tag } from '@cityops/ui'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { departmentsQueryOptions } from '../../api/departments'
import { isNotFound } from '../../api/errors'
import {
  incidentQueryOptions,
  type IncidentDetail as Detail,
  type IncidentLevelAction,
} from '../../api/incidents'
import { formatDateTime, useT } from '../../i18n'
import { useAppStore } from '../../stores/app-store'
import { QueryProblem } from '../access'
import { useDepartmentName } from '../admin/use-department-name'
import { AssignmentActions, AssignmentStepper } from './assignment-steps'
import { IncidentActionForm } from './incident-forms'
import { GradeBadge, useIncidentNames } from './incident-labels'

type Props = { incidentId: string; onActed?: (action: IncidentAction) => void }

/** One incident: its facts, each department's assignment and what this person may do now. */
export function IncidentDetail({ incidentId, onActed }: Props) {
  const t = useT()
  const query = useQuery(incidentQueryOptions(incidentId))
  if (query.isPending) return <LoadingState label={t('incidents.loading')} />
  if (query.isError) {
    if (isNotFound(query.error)) {
      return <EmptyState title={t('incidents.noneTitle')} description={t('incidents.notFound')} />
    }
    return <QueryProblem error={query.error} onRetry={() => void query.refetch()} />
  }
  return (
    <article className="incident-detail" data-testid="incident-detail">
      <IncidentFacts detail={query.data} />
      <IncidentLevelActions detail={query.data} onActed={onActed} />
      {isReadOnly(query.data) ? <p className="case-muted">{t('incidents.noActions')}</p> : null}
      <Assignments detail={query.data} onActed={onActed} />
    </article>
  )
}

const isReadOnly = (d: Detail) =>
  d.allowedActions.length === 0 && d.assignments.every((a) => a.allowedActions.length === 0)

function IncidentFacts({ detail: { incident } }: { detail: Detail }) {
  const t = useT()
  const names = useIncidentNames()
  const locale = useAppStore((s) => s.locale)
  const [lng, lat] = incident.location
  return (
    <header className="incident-detail__head">
      <h2 className="incident-detail__title">
        <GradeBadge grade={incident.grade} />
        <span>{incident.title}</span>
      </h2>
      <dl className="incident-facts">
        <dt>{t('incidents.fact.category')}</dt>
        <dd>{names.category(incident.category)}</dd>
        <dt>{t('incidents.fact.grade')}</dt>
        <dd>{names.grade(incident.grade)}</dd>
        <dt>{t('incidents.fact.status')}</dt>
        <dd data-testid="incident-status">{t(`incidents.status.${incident.status}`)}</dd>
        <dt>{t('incidents.fact.source')}</dt>
        <dd>{t(`incidents.source.${incident.source}`)}</dd>
        <dt>{t('incidents.fact.reportedAt')}</dt>
        <dd>{formatDateTime(locale, incident.reportedAt)}</dd>
        <dt>{t('incidents.fact.location')}</dt>
        <dd>{`${lng.toFixed(5)}, ${lat.toFixed(5)}`}</dd>
        <dt>{t('incidents.fact.version')}</dt>
        <dd data-testid="incident-version">{incident.version}</dd>
      </dl>
      {incident.description ? (
        <p className="incident-detail__description">{incident.description}</p>
      ) : null}
    </header>
  )
}

function IncidentLevelActions({ detail, onActed }: { detail: Detail; onActed?: Props['onActed'] }) {
  const t = useT()
  const [open, setOpen] = useState<IncidentLevelAction | null>(null)
  const actions = detail.allowedActions
  if (actions.length === 0) return null
  return (
    <section className="incident-actions" aria-label={t('incidents.actions')}>
      <div className="incident-actions__buttons" role="group" aria-label={t('incidents.actions')}>
        {actions.map((action) => (
          <Button
            key={action}
            variant={open === action ? 'primary' : 'secondary'}
            aria-expanded={open === action}
            data-testid={`incident-action-${action}`}
            onClick={() => setOpen(open === action ? null : action)}
          >
            {t(`incidents.action.${action}`)}
          </Button>
        ))}
      </div>
      {open && actions.includes(open) ? (
        <IncidentActionForm
          key={`${open}:${detail.incident.id}`}
          detail={detail}
          action={open}
          onCancel={() => setOpen(null)}
          onDone={() => {
            setOpen(null)
            onActed?.(open)
          }}
        />
      ) : null}
    </section>
  )
}

function Assignments({ detail, onActed }: { detail: Detail; onActed?: Props['onActed'] }) {
  const t = useT()
  const departments = useQuery(departmentsQueryOptions())
  const nameOf = useDepartmentName(departments.data)
  return (
    <section aria-labelledby="incident-assignments-title">
      <h3 id="incident-assignments-title" className="incident-detail__section">
        {t('incidents.assignments')}
      </h3>
      {detail.assignments.length === 0 ? (
        <p className="case-muted">{t('incidents.assignmentsNone')}</p>
      ) : (
        <ul className="incident-assignments">
          {detail.assignments.map((a) => (
            <li
              key={a.id}
              className="incident-assignment"
              data-testid={`assignment-${a.departmentCode}`}
            >
              <div className="incident-assignment__head">
                <strong>{nameOf(a.departmentCode)}</strong>
                {a.escalatedAt && a.status === 'notified' ? (
                  <Tag tone="danger" icon="warning">
                    {t('incidents.escalated')}
                  </Tag>
                ) : null}
              </div>
              <AssignmentStepper assignment={a} />
              {a.units.length > 0 ? (
                <p className="case-muted" data-testid={`assignment-units-${a.departmentCode}`}>
                  {t('incidents.units', {
                    units: a.units.map((u) => u.callSign ?? u.id).join('、'),
                  })}
                </p>
              ) : null}
              {a.note ? (
                <p className="case-muted">{t('incidents.note', { note: a.note })}</p>
              ) : null}
              <AssignmentActions
                incidentId={detail.incident.id}
                version={detail.incident.version}
                assignment={a}
                onActed={onActed}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
