import { PERMISSION_LABELS, ROLE_LABELS, can } from '@cityops/domain'
import type { Permission } from '@cityops/domain'
import type { ReactNode } from 'react'
import { useLabel, useT } from '../../i18n'
import { useSignedIn } from '../session/signed-in'
import { ForbiddenState } from './forbidden-state'

type RequirePermissionProps = { permission: Permission; children: ReactNode }

/**
 * Renders a page only when the policy allows it, else the forbidden state naming the missing
 * permission. Saves a request that would be refused; the BFF still checks every call.
 */
export function RequirePermission({ permission, children }: RequirePermissionProps) {
  const t = useT()
  const label = useLabel()
  const { me, actor } = useSignedIn()
  if (can(actor, permission)) return children
  const message = t('access.forbiddenRole', {
    role: label(ROLE_LABELS[me.user.role]),
    permission: label(PERMISSION_LABELS[permission]),
  })
  return <ForbiddenState message={message} />
}
