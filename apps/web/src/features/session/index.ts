export { RequireSession, loginPathFor } from './require-session'
export { SignedInContext, useSignedIn } from './signed-in'
export { useLogout } from './use-logout'
