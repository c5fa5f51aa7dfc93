import { useLightThemeOnce } from '../shell/use-light-theme-once'

/** The desks (intake, shift lead, dispatch) open in the light desk theme the first time. */
export const useDeskTheme = () => useLightThemeOnce('cityops.deskTheme')
