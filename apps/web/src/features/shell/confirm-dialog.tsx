import { Button, DialogActions } from '@cityops/ui'
import { useT } from '../../i18n'
import { AppDialog } from './app-dialog'
import { MutationError } from './mutation-error'

type ConfirmDialogProps = {
  title: string
  /** What will happen; read as the dialog's description. */
  message: string
  confirmLabel: string
  onConfirm: () => void
  onCancel: () => void
  isPending: boolean
  error: unknown
  'data-testid'?: string
}

/** Asks before an action that cannot simply be undone; Cancel has the focus first. */
export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  onConfirm,
  onCancel,
  isPending,
  error,
  ...rest
}: ConfirmDialogProps) {
  const t = useT()
  return (
    <AppDialog
      {...rest}
      role="alertdialog"
      size="sm"
      title={title}
      description={message}
      onClose={onCancel}
    >
      <MutationError error={error} />
      <DialogActions>
        <Button data-autofocus onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button variant="primary" disabled={isPending} onClick={onConfirm}>
          {isPending ? t('common.saving') : confirmLabel}
        </Button>
      </DialogActions>
    </AppDialog>
  )
}
