import { WorkPlaceholder } from './work-placeholder'

/** Route /dispatch: 派遣队列 (dispatcher's home). */
export function DispatchPage() {
  return (
    <WorkPlaceholder
      title="dispatch.title"
      queue="dispatch.queue"
      emptyTitle="dispatch.emptyTitle"
      emptyDescription="dispatch.emptyDescription"
    />
  )
}

/** Route /field: 现场巡查 (inspector's home). */
export function FieldPage() {
  return (
    <WorkPlaceholder
      title="field.title"
      queue="field.tasks"
      emptyTitle="field.emptyTitle"
      emptyDescription="field.emptyDescription"
    />
  )
}

/** Route /intake: 受理台 (intake operator's home). */
export function IntakePage() {
  return (
    <WorkPlaceholder
      title="intake.title"
      queue="intake.queue"
      emptyTitle="intake.emptyTitle"
      emptyDescription="intake.emptyDescription"
    />
  )
}

/** Route /shift: 值班长工作台 (shift lead's home). */
export function ShiftPage() {
  return (
    <WorkPlaceholder
      title="shift.title"
      queue="shift.queue"
      emptyTitle="shift.emptyTitle"
      emptyDescription="shift.emptyDescription"
    />
  )
}
