import type { StateCreator } from 'zustand'
import type { AppState } from './app-store'

export type SessionSlice = {
  /**
   * True from "log out" until the next login: the session gate then sends the user to a bare
   * /login instead of /login?next=<this page> (the next person should land on their own home).
   */
  hasLoggedOut: boolean
  setLoggedOut: (hasLoggedOut: boolean) => void
}

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set) => ({
  hasLoggedOut: false,
  setLoggedOut: (hasLoggedOut) => set({ hasLoggedOut }),
})
