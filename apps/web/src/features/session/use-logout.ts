import { useMutation, useQueryClient } from '@tanstack/react-query'
import { isSessionEnded } from '../../api/errors'
import { logout } from '../../api/session'
import { useAppStore } from '../../stores/app-store'
import { resetSession } from './reset-session'

/**
 * POST /api/auth/logout, then forget the user's data; the session gate, seeing no user, shows
 * the login page (without ?next=, because this was a deliberate logout).
 */
export function useLogout() {
  const queryClient = useQueryClient()
  const setLoggedOut = useAppStore((s) => s.setLoggedOut)
  const finish = () => {
    setLoggedOut(true)
    resetSession(queryClient, null)
  }
  return useMutation({
    mutationFn: logout,
    onSuccess: finish,
    // A session that had already ended is as good as logged out.
    onError: (error) => {
      if (isSessionEnded(error)) finish()
    },
  })
}
