import { Button, THEMES } from '@cityops/ui'
import type { ThemeName } from '@cityops/ui'
import { useT } from '../../i18n'
import type { MessageKey } from '../../i18n'
import { useAppStore } from '../../stores/app-store'

const LABELS: Record<ThemeName, { name: MessageKey; hint: MessageKey }> = {
  wall: { name: 'theme.wall', hint: 'theme.wallHint' },
  desk: { name: 'theme.desk', hint: 'theme.deskHint' },
}

/** Two toggle buttons (wall / desk); the pressed one is the current theme. */
export function ThemeSwitch() {
  const t = useT()
  const theme = useAppStore((s) => s.theme)
  const setTheme = useAppStore((s) => s.setTheme)
  return (
    <div
      role="group"
      aria-label={t('theme.group')}
      className="theme-switch"
      data-testid="theme-switch"
    >
      {THEMES.map((name) => (
        <Button
          key={name}
          data-testid={`theme-${name}`}
          aria-pressed={theme === name}
          title={t(LABELS[name].hint)}
          onClick={() => setTheme(name)}
        >
          {t(LABELS[name].name)}
        </Button>
      ))}
    </div>
  )
}
