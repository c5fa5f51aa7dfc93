import { can } from '@cityops/domain'
import type { MessageKey } from '../../i18n'
import type { Me } from '../../api/session'
import { PAGES, actorOf, canWorkForDepartment, departmentPath } from './app-paths'
import type { PageName } from './app-paths'

export type NavItem = { id: string; to: string; label: MessageKey; isEnd: boolean }

// Order of the header navigation; each entry appears only when the policy allows its page.
const NAV_PAGES: readonly { page: PageName; label: MessageKey }[] = [
  { page: 'overview', label: 'nav.overview' },
  { page: 'thematic', label: 'nav.thematic' },
  { page: 'incidents', label: 'nav.incidents' },
  { page: 'dispatch', label: 'nav.dispatch' },
  { page: 'field', label: 'nav.field' },
  { page: 'intake', label: 'nav.intake' },
  { page: 'shift', label: 'nav.shift' },
  { page: 'users', label: 'nav.users' },
  { page: 'departments', label: 'nav.departments' },
  { page: 'apiKeys', label: 'nav.apiKeys' },
  { page: 'planTargets', label: 'nav.planTargets' },
  { page: 'audit', label: 'nav.audit' },
]

/** The header links `me` may use, in display order. */
export function navItemsFor(me: Me): NavItem[] {
  const actor = actorOf(me)
  const items: NavItem[] = NAV_PAGES.filter(({ page }) => can(actor, PAGES[page].permission)).map(
    ({ page, label }) => ({ id: page, to: PAGES[page].path, label, isEnd: page === 'overview' }),
  )
  const code = me.user.departmentCode
  if (code && canWorkForDepartment(actor, code)) {
    // After the overview when there is one, else first: a department's own desk leads.
    items.splice(items[0]?.id === 'overview' ? 1 : 0, 0, {
      id: 'department',
      to: departmentPath(code),
      label: 'nav.department',
      isEnd: false,
    })
  }
  return items
}
