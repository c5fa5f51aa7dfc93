import { Button } from '@cityops/ui'
import { useT } from '../../i18n'
import { useAppStore } from '../../stores/app-store'

/** Named after the language it switches to ("English" / "中文"), in that language. */
export function LanguageSwitch() {
  const t = useT()
  const locale = useAppStore((s) => s.locale)
  const toggleLocale = useAppStore((s) => s.toggleLocale)
  return (
    <Button
      data-testid="language-switch"
      lang={locale === 'zh-CN' ? 'en' : 'zh-CN'}
      title={t('locale.switchHint')}
      onClick={toggleLocale}
    >
      {t('locale.switchTo')}
    </Button>
  )
}
