export { LanguageSwitch } from './language-switch'
export { ThemeSwitch } from './theme-switch'
