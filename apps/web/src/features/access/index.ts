export {
  LOGIN_PATH,
  PAGES,
  actorOf,
  canOpenPath,
  departmentPath,
  homePath,
  landingPath,
  sameAppPath,
} from './app-paths'
export type { PageName } from './app-paths'
export { ForbiddenState } from './forbidden-state'
export { navItemsFor } from './nav-items'
export type { NavItem } from './nav-items'
export { QueryProblem } from './query-problem'
export { RequirePermission } from './require-permission'
