import { Button, ErrorState } from '@cityops/ui'
import { useT } from '../i18n'

export function AppErrorFallback() {
  const t = useT()
  return (
    <ErrorState
      title={t('error.title')}
      description={t('error.description')}
      action={
        <Button variant="primary" onClick={() => window.location.reload()}>
          {t('error.reload')}
        </Button>
      }
    />
  )
}
