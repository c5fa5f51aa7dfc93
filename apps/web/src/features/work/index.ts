export { DispatchPage } from '../dispatch/dispatch-page'
export { FieldPage, IntakePage, ShiftPage } from './work-pages'
