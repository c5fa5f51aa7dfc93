import { User, checkPassword } from '@cityops/domain'
import type { Role } from '@cityops/domain'
import type { MessageKey } from '../../i18n'

export type UserDraft = {
  username: string
  displayName: string
  role: Role
  departmentCode: string
}

export type UserFieldErrors = Partial<
  Record<'username' | 'displayName' | 'departmentCode', MessageKey>
>

// The domain's messages are English developer text; each field gets our own bilingual one.
const FIELD_MESSAGES = {
  username: 'users.usernameInvalid',
  displayName: 'users.displayNameInvalid',
  departmentCode: 'users.departmentRequired',
} as const satisfies Record<keyof UserFieldErrors, MessageKey>

const isField = (key: unknown): key is keyof UserFieldErrors =>
  key === 'username' || key === 'displayName' || key === 'departmentCode'

/** The draft as the API takes it: a department only for handlers. */
export const departmentOf = (draft: UserDraft): string | null =>
  draft.role === 'handler' && draft.departmentCode !== '' ? draft.departmentCode : null

/** Checks a draft with the domain's `User` schema (format, name length, handler ⇔ department). */
export function validateUser(draft: UserDraft): UserFieldErrors {
  const result = User.safeParse({
    id: 'draft',
    username: draft.username,
    displayName: draft.displayName.trim(),
    role: draft.role,
    departmentCode: departmentOf(draft),
    active: true,
  })
  const errors: UserFieldErrors = {}
  for (const issue of result.error?.issues ?? []) {
    const field = issue.path[0]
    if (isField(field)) errors[field] = FIELD_MESSAGES[field]
  }
  return errors
}

export const isPasswordOk = (password: string, draft: UserDraft) =>
  checkPassword(password, { username: draft.username, displayName: draft.displayName }).ok
