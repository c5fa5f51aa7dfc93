import { DEPARTMENT_KINDS, DISTRICTS, Department, FUNCTIONAL_AREAS } from '@cityops/domain'
import type { DepartmentKind } from '@cityops/domain'
import { Button, DialogActions, SelectField, TextField } from '@cityops/ui'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { FormEvent } from 'react'
import { createDepartment, updateDepartment } from '../../api/departments'
import type { DepartmentItem } from '../../api/departments'
import { queryKeys } from '../../api/query-keys'
import { useT } from '../../i18n'
import type { MessageKey } from '../../i18n'
import { useAppStore } from '../../stores/app-store'
import { AppDialog, MutationError } from '../shell'

type Draft = {
  code: string
  name: string
  nameEn: string
  kind: DepartmentKind
  districtCode: string
}
type Errors = Partial<Record<'code' | 'name' | 'nameEn' | 'districtCode', MessageKey>>

const FIELD_MESSAGES: Record<keyof Errors, MessageKey> = {
  code: 'departments.codeInvalid',
  name: 'departments.nameInvalid',
  nameEn: 'departments.nameInvalid',
  districtCode: 'departments.districtRequired',
}
const isField = (key: unknown): key is keyof Errors =>
  key === 'code' || key === 'name' || key === 'nameEn' || key === 'districtCode'

/** Validated with the domain's Department schema; messages are ours, per field. */
function validate(draft: Draft): Errors {
  const { districtCode, ...rest } = draft
  const result = Department.safeParse({ ...rest, ...(districtCode ? { districtCode } : {}) })
  const errors: Errors = {}
  for (const issue of result.error?.issues ?? []) {
    const field = issue.path[0]
    if (isField(field)) errors[field] = FIELD_MESSAGES[field]
  }
  return errors
}

const AREAS = [...DISTRICTS, ...FUNCTIONAL_AREAS]

type Props = { department?: DepartmentItem; onClose: () => void }

/** 新建部门 / 编辑部门 (code, kind and district are fixed once created: API PATCH takes names). */
export function DepartmentFormDialog({ department, onClose }: Props) {
  const t = useT()
  const locale = useAppStore((s) => s.locale)
  const queryClient = useQueryClient()
  const [draft, setDraft] = useState<Draft>(() => ({
    code: department?.code ?? '',
    name: department?.name ?? '',
    nameEn: department?.nameEn ?? '',
    kind: department?.kind ?? 'cityManagement',
    districtCode: department?.districtCode ?? '',
  }))
  const [isSubmitted, setSubmitted] = useState(false)
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }))
  const mutation = useMutation({
    mutationFn: () => {
      const name = draft.name.trim()
      const nameEn = draft.nameEn.trim()
      if (department) return updateDepartment(department.code, { name, nameEn })
      const { districtCode, ...rest } = draft
      return createDepartment({ ...rest, name, nameEn, ...(districtCode ? { districtCode } : {}) })
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.departments.all() })
      onClose()
    },
  })
  const all = validate({ ...draft, name: draft.name.trim(), nameEn: draft.nameEn.trim() })
  // Editing changes the names only; the fixed fields are the server's business.
  const errors: Errors = department ? { name: all.name, nameEn: all.nameEn } : all
  const shown: Errors = isSubmitted ? errors : {}
  const message = (key: keyof Errors) => (shown[key] ? t(shown[key]) : undefined)
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setSubmitted(true)
    if (Object.values(errors).every((e) => e === undefined)) mutation.mutate()
  }
  const isNew = department === undefined
  return (
    <AppDialog
      title={
        isNew ? t('departments.createTitle') : t('departments.editTitle', { code: draft.code })
      }
      onClose={onClose}
      data-testid="department-form-dialog"
    >
      <form className="dialog-form" noValidate onSubmit={onSubmit}>
        <TextField
          label={t('departments.code')}
          hint={isNew ? t('departments.codeHint') : undefined}
          disabled={!isNew}
          autoComplete="off"
          spellCheck={false}
          value={draft.code}
          onChange={(e) => set({ code: e.target.value })}
          error={message('code')}
        />
        <TextField
          label={t('departments.name')}
          value={draft.name}
          onChange={(e) => set({ name: e.target.value })}
          error={message('name')}
        />
        <TextField
          lang="en"
          label={t('departments.nameEn')}
          value={draft.nameEn}
          onChange={(e) => set({ nameEn: e.target.value })}
          error={message('nameEn')}
        />
        <SelectField
          label={t('departments.kind')}
          disabled={!isNew}
          value={draft.kind}
          onChange={(e) =>
            set({ kind: DEPARTMENT_KINDS.find((k) => k === e.target.value) ?? draft.kind })
          }
        >
          {DEPARTMENT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`departmentKind.${kind}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('departments.district')}
          disabled={!isNew}
          value={draft.districtCode}
          onChange={(e) => set({ districtCode: e.target.value })}
          error={message('districtCode')}
        >
          <option value="">{t('departments.districtNone')}</option>
          {AREAS.map((area) => (
            <option key={area.code} value={area.code}>
              {locale === 'zh-CN' ? area.name : area.nameEn} ({area.code})
            </option>
          ))}
        </SelectField>
        <MutationError error={mutation.error} />
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="submit"
            variant="primary"
            disabled={mutation.isPending}
            data-testid="department-form-submit"
          >
            {mutation.isPending
              ? t('common.saving')
              : isNew
                ? t('departments.create')
                : t('common.save')}
          </Button>
        </DialogActions>
      </form>
    </AppDialog>
  )
}
