export { MfaSetup } from './mfa-setup'
export { PasswordHints, PasswordMutationError } from './password-hints'
export { UserMenu } from './user-menu'
