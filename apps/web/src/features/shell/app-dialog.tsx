import { Dialog } from '@cityops/ui'
import type { DialogProps } from '@cityops/ui'
import { createPortal } from 'react-dom'
import { useT } from '../../i18n'

export type AppDialogProps = Omit<DialogProps, 'closeLabel'>

/**
 * The ui Dialog, portalled to <body> so no header or panel stacking context can cover it,
 * with the close button named in the current language.
 */
export function AppDialog(props: AppDialogProps) {
  const t = useT()
  return createPortal(<Dialog closeLabel={t('common.close')} {...props} />, document.body)
}
