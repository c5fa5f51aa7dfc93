export { DispatchPage } from '../dispatch/dispatch-page'
export { IntakePage } from '../intake/intake-page'
export { ShiftPage } from '../shift/shift-page'
// /field is the inspector's phone screen (features/inspector); the route table imports it from here.
export { InspectorPage as FieldPage } from '../inspector/inspector-page'
