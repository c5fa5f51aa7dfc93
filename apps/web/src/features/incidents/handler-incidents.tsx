import { can, type IncidentStatus } from '@cityops/domain'
import { Button, InlineAlert, LoadingState } from '@cityops/ui'
import { useQueries, useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import {
  incidentQueryOptions,
  incidentsQueryOptions,
  type IncidentAssignmentView,
  type IncidentDetail,
} from '../../api/incidents'
import { useT } from '../../i18n'
import { PAGES } from '../access'
import { useSignedIn } from '../session'
import { AssignmentActions, AssignmentStepper } from './assignment-steps'
import { GradeBadge, useIncidentNames } from './incident-labels'
import './incidents.css'

// Where a department still has something to do: 已处置 and 已结束 need nothing from it.
const ACTIVE_STATES = [
  'reported',
  'confirmed',
  'responding',
] as const satisfies readonly IncidentStatus[]

type Row = { detail: IncidentDetail; assignment: IncidentAssignmentView }

/**
 * 应急调派 on the department page: this department's open incident assignments, each with its
 * one next step (签收 → 出发 → 到场 → 处置完毕) as a big button. Shown above the case queue,
 * because an emergency outranks every 派遣 case; says so in one line when there is none.
 */
export function HandlerIncidents({ departmentCode }: { departmentCode: string }) {
  const { actor } = useSignedIn()
  if (!can(actor, 'incident.read')) return null
  return <ActiveAssignments departmentCode={departmentCode} />
}

function ActiveAssignments({ departmentCode }: { departmentCode: string }) {
  const t = useT()
  const list = useQuery(incidentsQueryOptions({ status: ACTIVE_STATES, limit: 50 }))
  // Staff who see every department get this department's incidents only.
  const ours = (list.data?.items ?? []).filter((i) => i.departments.includes(departmentCode))
  const details = useQueries({ queries: ours.map((i) => incidentQueryOptions(i.id)) })
  const rows: Row[] = details.flatMap((d) =>
    d.data
      ? d.data.assignments
          .filter((a) => a.departmentCode === departmentCode && a.status !== 'finished')
          .map((assignment) => ({ detail: d.data, assignment }))
      : [],
  )

  if (list.isPending) return <LoadingState label={t('incidents.loading')} />
  if (list.isError) {
    return (
      <InlineAlert tone="error" data-testid="handler-incidents-error">
        {t('handlerIncidents.loadError')}: {list.error.message}{' '}
        <Button variant="ghost" onClick={() => void list.refetch()}>
          {t('common.retry')}
        </Button>
      </InlineAlert>
    )
  }
  const isLoadingDetails = details.some((d) => d.isPending)
  return (
    <section
      className="handler-incidents"
      aria-labelledby="handler-incidents-title"
      data-testid="handler-incidents"
    >
      <h2 id="handler-incidents-title" className="field-section-title">
        {t('handlerIncidents.title')}
        <span className="field-section-title__count">
          {t('handlerIncidents.count', { count: rows.length })}
        </span>
      </h2>
      {rows.length === 0 && isLoadingDetails ? (
        <LoadingState label={t('incidents.loading')} />
      ) : null}
      {rows.length === 0 && !isLoadingDetails ? (
        <p className="case-muted" data-testid="handler-incidents-empty">
          {t('handlerIncidents.empty')}
        </p>
      ) : null}
      {rows.length > 0 ? (
        <ul className="handler-incidents__list">
          {rows.map((row) => (
            <HandlerIncident key={row.assignment.id} row={row} />
          ))}
        </ul>
      ) : null}
      <Link to={PAGES.incidents.path} className="handler-incidents__more">
        {t('handlerIncidents.openDesk')}
      </Link>
    </section>
  )
}

function HandlerIncident({ row: { detail, assignment } }: { row: Row }) {
  const names = useIncidentNames()
  const { incident } = detail
  return (
    <li className="handler-incident" data-testid={`handler-incident-${incident.id}`}>
      <div className="desk-row__line">
        <GradeBadge grade={incident.grade} />
        <strong>{names.category(incident.category)}</strong>
      </div>
      <div>{incident.title}</div>
      <AssignmentStepper assignment={assignment} />
      <AssignmentActions
        incidentId={incident.id}
        version={incident.version}
        assignment={assignment}
      />
    </li>
  )
}
