import { WorkPlaceholder } from './work-placeholder'

/** Route /field: 现场巡查 (inspector's home) until the inspector's phone screen replaces it. */
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
