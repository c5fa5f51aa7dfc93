import { EmptyState, Page, Panel } from '@cityops/ui'
import { useT } from '../../i18n'
import type { MessageKey } from '../../i18n'

type WorkPlaceholderProps = {
  title: MessageKey
  queue: MessageKey
  emptyTitle: MessageKey
  emptyDescription: MessageKey
}

/**
 * A role's home view before its workflow exists: the real heading and queue panel, with an
 * empty state that says plainly when the work will show up.
 */
export function WorkPlaceholder({
  title,
  queue,
  emptyTitle,
  emptyDescription,
}: WorkPlaceholderProps) {
  const t = useT()
  return (
    <Page title={t(title)}>
      <Panel title={t(queue)}>
        <EmptyState title={t(emptyTitle)} description={t(emptyDescription)} />
      </Panel>
    </Page>
  )
}
