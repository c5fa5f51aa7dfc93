import { useLightThemeOnce } from '../shell/use-light-theme-once'

/** The phone screens open in the light theme the first time (readable in sunlight). */
export const useFieldTheme = () => useLightThemeOnce('cityops.fieldTheme')
