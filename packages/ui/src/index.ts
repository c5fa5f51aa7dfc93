export { AppFrame } from './components/app-frame'
export type { AppFrameProps } from './components/app-frame'
export { Button } from './components/button'
export type { ButtonProps, ButtonVariant } from './components/button'
export { OfflineBanner } from './components/offline-banner'
export type { OfflineBannerProps } from './components/offline-banner'
export { Panel } from './components/panel'
export type { PanelProps } from './components/panel'
export { EmptyState, ErrorState, LoadingState } from './components/states'
export type { LoadingStateProps } from './components/states'
export { STATUS_KINDS, StatusBadge } from './components/status-badge'
export type { StatusBadgeProps, StatusKind } from './components/status-badge'
export { ICON_NAMES, Icon, Spinner } from './icon'
export type { IconName, IconProps } from './icon'
export {
  AQI_LEVELS,
  FONT_FAMILY_MONO,
  FONT_FAMILY_SANS,
  INCIDENT_GRADES,
  SHARED_TOKENS,
  THEMES,
  THEME_TOKENS,
} from './tokens'
export type { ColorTokens, MapColorTokens, ThemeName, ThemeTokens, TypeScale } from './tokens'
