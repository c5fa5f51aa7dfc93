import type { CaseCommandType } from '@cityops/domain'
import { Button, EmptyState, InlineAlert, LoadingState } from '@cityops/ui'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import {
  CaseActionError,
  caseEvidenceQueryOptions,
  caseKeys,
  caseQueryOptions,
  newIdempotencyKey,
  postCaseAction,
} from '../../api/cases'
import type { CaseActionRequest, CaseDetail } from '../../api/cases'
import { formatDateTime, useT } from '../../i18n'
import type { MessageKey } from '../../i18n'
import { useAppStore } from '../../stores/app-store'
import { QueryProblem } from '../access'
import { CaseTimeline } from '../cases/case-timeline'
import { useSignedIn } from '../session'
import '../cases/cases.css'
import { CaseActionForm, FIELD_ACTIONS, isFieldAction } from './action-form'
import type { FieldAction, FieldActionFields } from './action-form'
import { useCaseNames } from '../cases/use-case-names'
import { DeadlineTag, StateTag } from './case-facts'
import { useNow } from './use-now'

type FieldCaseViewProps = {
  caseId: string
  onBack: () => void
  backLabel: string
}

const PENDING_KEY = {
  return: 'fieldApp.pending.return',
  extension: 'fieldApp.pending.extension',
  suspension: 'fieldApp.pending.suspension',
} as const satisfies Record<string, MessageKey>

/** The actions a phone offers, in a stable order, out of what the server allows now. */
export const offeredActions = (allowed: readonly CaseCommandType[]): FieldAction[] =>
  FIELD_ACTIONS.filter((a) => allowed.includes(a))

function Evidence({ caseId }: { caseId: string }) {
  const t = useT()
  const evidence = useQuery(caseEvidenceQueryOptions(caseId))
  if (evidence.isPending) return <p className="field-hint">{t('fieldApp.evidenceLoading')}</p>
  if (evidence.isError) return <p className="field-hint">{t('fieldApp.evidenceUnavailable')}</p>
  if (evidence.data.length === 0) return <p className="field-hint">{t('fieldApp.noEvidence')}</p>
  return (
    <ul className="evidence-strip" aria-label={t('fieldApp.evidence')}>
      {evidence.data.map((item, index) => (
        <li key={item.id}>
          <a href={item.url} target="_blank" rel="noreferrer">
            <img src={item.url} alt={t('fieldPhotos.alt', { n: index + 1 })} loading="lazy" />
          </a>
        </li>
      ))}
    </ul>
  )
}

function Facts({ detail }: { detail: CaseDetail }) {
  const t = useT()
  const locale = useAppStore((s) => s.locale)
  const { category } = useCaseNames()
  const [lng, lat] = detail.location.coordinates
  const rows: [MessageKey, string][] = [
    ['fieldApp.category', category(detail.kind, detail.categoryCode)],
    ['fieldApp.address', detail.address ?? t('fieldApp.noAddress')],
    ['fieldApp.position', `${lng.toFixed(5)}, ${lat.toFixed(5)}`],
    ['fieldApp.reportedAt', formatDateTime(locale, detail.reportedAt)],
  ]
  if (detail.deadline) rows.push(['fieldApp.deadline', formatDateTime(locale, detail.deadline)])
  return (
    <dl className="case-facts">
      {rows.map(([label, value]) => (
        <div key={label} className="case-facts__row">
          <dt>{t(label)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
      <div className="case-facts__row case-facts__row--wide">
        <dt>{t('fieldApp.description')}</dt>
        <dd className="case-facts__text">{detail.description || t('fieldApp.noDescription')}</dd>
      </div>
    </dl>
  )
}

/**
 * One case on a phone: what and where, the clock, its photos, and exactly the field actions
 * `allowedActions` offers, each with its own form. A stale version is refetched and said so.
 */
export function FieldCaseView({ caseId, onBack, backLabel }: FieldCaseViewProps) {
  const t = useT()
  const now = useNow()
  const queryClient = useQueryClient()
  const query = useQuery(caseQueryOptions(caseId))
  const { me } = useSignedIn()
  const [open, setOpen] = useState<FieldAction | null>(null)
  const [done, setDone] = useState<FieldAction | null>(null)
  // One key per intent: the same fields sent again (e.g. after a network failure) reuse it.
  const intent = useRef<{ body: string; key: string } | null>(null)
  // The form was at the bottom: bring the confirmation into view once the action went through.
  const doneRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (done) doneRef.current?.scrollIntoView?.({ block: 'center' })
  }, [done])

  const back = (
    <Button className="field-back" onClick={onBack} data-testid="field-back">
      {backLabel}
    </Button>
  )
  if (query.isPending) return <LoadingState label={t('common.loading')} />
  if (query.isError) {
    return (
      <div className="field-case">
        {back}
        <QueryProblem error={query.error} onRetry={() => void query.refetch()} />
      </div>
    )
  }
  const { case: detail, allowedActions } = query.data
  const actions = offeredActions(allowedActions)
  const pending = detail.workflow.pending

  const act = async (action: FieldAction, fields: FieldActionFields) => {
    const request = { action, expectedVersion: detail.version, ...fields } as CaseActionRequest
    const body = JSON.stringify(request)
    if (intent.current?.body !== body) intent.current = { body, key: newIdempotencyKey() }
    try {
      const next = await postCaseAction(caseId, request, intent.current.key)
      queryClient.setQueryData(caseKeys.detail(caseId), next)
      void queryClient.invalidateQueries({ queryKey: caseKeys.all() })
      intent.current = null
      setOpen(null)
      setDone(action)
    } catch (error) {
      // Someone acted first: show the case as it is now; the form keeps the typed text.
      if (
        error instanceof CaseActionError &&
        (error.kind === 'stale' || error.kind === 'notAllowed')
      ) {
        void queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) })
        intent.current = null
      }
      throw error
    }
  }

  return (
    <article className="field-case" data-testid="field-case">
      {back}
      <header className="field-case__header">
        <h2 className="field-case__number">{detail.requestNumber}</h2>
        <div className="field-case__tags">
          <StateTag status={detail.status} />
          <DeadlineTag item={detail} now={now} />
        </div>
      </header>
      {done ? (
        <div ref={doneRef}>
          <InlineAlert tone="success" data-testid="action-done">
            {t('fieldApp.done', { action: t(`fieldAction.${done}.title` as MessageKey) })}
          </InlineAlert>
        </div>
      ) : null}
      {pending ? (
        <InlineAlert tone="info">
          {t(PENDING_KEY[pending.kind])}
          {pending.reason ? ` ${t('fieldApp.pendingReason', { reason: pending.reason })}` : ''}
        </InlineAlert>
      ) : null}
      {detail.status === 'CHECKING' &&
      detail.workflow.checkInspector &&
      detail.workflow.checkInspector !== me.user.id ? (
        <InlineAlert tone="info">{t('fieldApp.checkForOther')}</InlineAlert>
      ) : null}
      {detail.workflow.reworkCount > 0 ? (
        <InlineAlert tone="warn">
          {t('fieldApp.reworkNote', { n: detail.workflow.reworkCount })}
        </InlineAlert>
      ) : null}
      <Facts detail={detail} />
      <section className="field-case__section">
        <h3>{t('fieldApp.evidence')}</h3>
        <Evidence caseId={caseId} />
      </section>
      <details className="field-case__section field-case__history">
        <summary>{t('timeline.title')}</summary>
        <CaseTimeline caseId={caseId} />
      </details>
      <section className="field-case__section" aria-label={t('fieldApp.actions')}>
        {open ? (
          <CaseActionForm
            key={open}
            action={open}
            caseId={caseId}
            deadline={detail.deadline}
            onSubmit={(fields) => act(open, fields)}
            onCancel={() => setOpen(null)}
          />
        ) : actions.length > 0 ? (
          <div className="field-actions">
            {actions.map((action) => (
              <Button
                key={action}
                variant={
                  action === 'dispose' || action === 'checkPass' || action === 'verify'
                    ? 'primary'
                    : 'secondary'
                }
                className="field-button"
                onClick={() => {
                  setDone(null)
                  setOpen(action)
                }}
                data-testid={`case-action-${action}`}
              >
                {t(`fieldAction.${action}.title` as MessageKey)}
              </Button>
            ))}
          </div>
        ) : (
          <EmptyState
            title={t('fieldApp.noActions')}
            description={
              allowedActions.filter((a) => !isFieldAction(a)).length > 0
                ? t('fieldApp.otherActions')
                : undefined
            }
          />
        )}
      </section>
    </article>
  )
}
