import { CaseGoals, FIXED_PLAN_TARGETS, indicatorById, type PlanTarget } from '@cityops/domain'
import { Button, InlineAlert, LoadingState, Page, Panel, TextField } from '@cityops/ui'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import {
  adminPlanTargetsQueryOptions,
  planTargetsKey,
  savePlanTargets,
  type StoredPlanTargets,
} from '../../api/plan-targets'
import { useT } from '../../i18n'
import { useAppStore } from '../../stores/app-store'
import { QueryProblem } from '../access'
import { MutationError } from '../shell'

/** A goal as the person types it: a percentage with at most one decimal. */
const asPercent = (share: number) => String(Math.round(share * 1000) / 10)
const asShare = (text: string) => (text.trim() === '' ? Number.NaN : Number(text) / 100)

function targetText(target: PlanTarget) {
  const indicator = indicatorById(target.indicator)
  const value = indicator?.isRate
    ? `${asPercent(target.value)} %`
    : `${target.value} ${indicator?.unit.en ?? ''}`.trim()
  return `${target.comparator} ${value}`
}

/** Route /admin/targets: the city's 结案率 / 按期结案率 goals the leader's trend charts use. */
export default function PlanTargetsPage() {
  const t = useT()
  const stored = useQuery(adminPlanTargetsQueryOptions())
  if (stored.isError) {
    return <QueryProblem error={stored.error} onRetry={() => void stored.refetch()} />
  }
  return (
    <Page title={t('planTargets.title')}>
      {stored.isPending ? (
        <LoadingState label={t('common.loading')} />
      ) : (
        <>
          <GoalsForm key={stored.data.version} stored={stored.data} />
          <PlanTargetsList />
        </>
      )}
    </Page>
  )
}

function GoalsForm({ stored }: { stored: StoredPlanTargets }) {
  const t = useT()
  const queryClient = useQueryClient()
  const [closure, setClosure] = useState(asPercent(stored.goals.closureRate))
  const [onTime, setOnTime] = useState(asPercent(stored.goals.onTimeRate))
  const [saved, setSaved] = useState(false)
  const goals = { closureRate: asShare(closure), onTimeRate: asShare(onTime) }
  const checked = CaseGoals.safeParse(goals)
  const problem = (field: 'closureRate' | 'onTimeRate') =>
    checked.success ? undefined : checked.error.issues.find((i) => i.path[0] === field)?.message
  const save = useMutation({
    mutationFn: () => savePlanTargets(stored.version, goals),
    onSuccess: async (next) => {
      queryClient.setQueryData(planTargetsKey, next)
      await queryClient.invalidateQueries({ queryKey: ['analytics'] })
      setSaved(true)
    },
  })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    setSaved(false)
    if (checked.success) save.mutate()
  }
  return (
    <Panel title={t('planTargets.goals')}>
      <form
        className="dialog-form settings-form"
        onSubmit={submit}
        noValidate
        data-testid="plan-targets-form"
      >
        <p className="form-message">{t('planTargets.goalsNote')}</p>
        <TextField
          label={t('planTargets.closureRate')}
          hint={t('planTargets.percentHint')}
          inputMode="decimal"
          value={closure}
          onChange={(e) => setClosure(e.target.value)}
          error={problem('closureRate')}
          data-testid="goal-closure-rate"
        />
        <TextField
          label={t('planTargets.onTimeRate')}
          hint={t('planTargets.percentHint')}
          inputMode="decimal"
          value={onTime}
          onChange={(e) => setOnTime(e.target.value)}
          error={problem('onTimeRate')}
          data-testid="goal-on-time-rate"
        />
        <p className="form-message">
          {stored.version === 0
            ? t('planTargets.defaults')
            : t('planTargets.version', {
                version: stored.version,
                at: stored.updatedAt ?? '—',
              })}
        </p>
        <MutationError error={save.error} />
        {saved ? <InlineAlert tone="success">{t('planTargets.saved')}</InlineAlert> : null}
        <Button
          type="submit"
          variant="primary"
          disabled={save.isPending || !checked.success}
          data-testid="plan-targets-save"
        >
          {t('planTargets.save')}
        </Button>
      </form>
    </Panel>
  )
}

/** The plan's own targets: fixed by the policy documents, shown so the page tells the whole story. */
function PlanTargetsList() {
  const t = useT()
  const locale = useAppStore((s) => s.locale)
  const lang = locale === 'zh-CN' ? 'zh' : 'en'
  return (
    <Panel title={t('planTargets.fixed')}>
      <ul className="form-list">
        {FIXED_PLAN_TARGETS.map((target) => (
          <li key={target.indicator}>
            <strong>{indicatorById(target.indicator)?.label[lang]}</strong> {targetText(target)}
            <div className="form-message">{target.source[lang]}</div>
          </li>
        ))}
      </ul>
    </Panel>
  )
}
