export { AppFrame } from './components/app-frame'
export type { AppFrameProps } from './components/app-frame'
export { Button } from './components/button'
export type { ButtonProps, ButtonVariant } from './components/button'
export { Dialog, DialogActions } from './components/dialog'
export type { DialogProps } from './components/dialog'
export { CheckboxField, Fieldset, SelectField, TextField } from './components/fields'
export type {
  CheckboxFieldProps,
  FieldsetProps,
  SelectFieldProps,
  TextFieldProps,
} from './components/fields'
export { InlineAlert } from './components/inline-alert'
export type { InlineAlertProps, InlineAlertTone } from './components/inline-alert'
export { MenuButton } from './components/menu-button'
export type { MenuButtonProps, MenuItem } from './components/menu-button'
export { OfflineBanner } from './components/offline-banner'
export type { OfflineBannerProps } from './components/offline-banner'
export { Page } from './components/page'
export type { PageProps } from './components/page'
export { Panel } from './components/panel'
export type { PanelProps } from './components/panel'
export { EmptyState, ErrorState, LoadingState } from './components/states'
export type { LoadingStateProps } from './components/states'
export { STATUS_KINDS, StatusBadge } from './components/status-badge'
export type { StatusBadgeProps, StatusKind } from './components/status-badge'
export { Table } from './components/table'
export type { TableProps } from './components/table'
export { TAG_TONES, Tag } from './components/tag'
export type { TagProps, TagTone } from './components/tag'
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
