export { DispatchPage, FieldPage, IntakePage, ShiftPage } from './work-pages'
