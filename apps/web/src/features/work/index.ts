export { DispatchPage } from '../dispatch/dispatch-page'
export { IntakePage } from '../intake/intake-page'
export { ShiftPage } from '../shift/shift-page'
export { FieldPage } from './work-pages'
