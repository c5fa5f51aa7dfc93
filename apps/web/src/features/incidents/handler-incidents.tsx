import { can } from '@cityops/domain'
import { Button, InlineAlert, LoadingState } from '@cityops/ui'
import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import {
  departmentAssignmentsQueryOptions,
  incidentQueryOptions,
  type DepartmentAssignments,
} from '../../api/incidents'
import { useT } from '../../i18n'
import { PAGES } from '../access'
import { useSignedIn } from '../session'
import { AssignmentActions, AssignmentStepper } from './assignment-steps'
import { GradeBadge, useIncidentNames } from './incident-labels'
import './incidents.css'

type Item = DepartmentAssignments['items'][number]

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
  // One request for the whole list (the BFF reads the department's unfinished assignments).
  const list = useQuery(departmentAssignmentsQueryOptions(departmentCode))

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
  const { items } = list.data
  return (
    <section
      className="handler-incidents"
      aria-labelledby="handler-incidents-title"
      data-testid="handler-incidents"
    >
      <h2 id="handler-incidents-title" className="field-section-title">
        {t('handlerIncidents.title')}
        <span className="field-section-title__count">
          {t('handlerIncidents.count', { count: items.length })}
        </span>
      </h2>
      {items.length === 0 ? (
        <p className="case-muted" data-testid="handler-incidents-empty">
          {t('handlerIncidents.empty')}
        </p>
      ) : (
        <ul className="handler-incidents__list">
          {items.map((item) => (
            <HandlerIncident key={item.incident.id} item={item} />
          ))}
        </ul>
      )}
      <Link to={PAGES.incidents.path} className="handler-incidents__more">
        {t('handlerIncidents.openDesk')}
      </Link>
    </section>
  )
}

function HandlerIncident({ item }: { item: Item }) {
  const names = useIncidentNames()
  // An action's answer lands in the incident's detail at once (use-incident-action.ts); show
  // it until the list, refetching, catches up. Never fetched from here.
  const answered = useQuery({ ...incidentQueryOptions(item.incident.id), enabled: false }).data
  const newer = answered && answered.incident.version > item.incident.version ? answered : null
  const incident = newer?.incident ?? item.incident
  // finished in that answer: the list's refetch is about to drop it
  const assignment = newer
    ? (newer.assignments.find((a) => a.id === item.assignment.id) ?? item.assignment)
    : item.assignment
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
