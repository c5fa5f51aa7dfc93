import type { DictionaryPart } from './messages'
import type { ZH_CN_WORK } from './zh-cn-work'

export const EN_WORK: DictionaryPart<typeof ZH_CN_WORK> = {
  'dispatch.title': 'Dispatch queue',
  'dispatch.queue': 'Cases waiting for dispatch',
  'dispatch.emptyTitle': 'No cases waiting for dispatch',
  'dispatch.emptyDescription':
    'Case dispatching arrives in a later release. There are no cases in the system yet; once there are, cases waiting for dispatch will be listed here by deadline.',

  'department.title': 'Department desk · {name}',
  'department.titlePlain': 'Department desk',
  'department.openWork': 'Open work of this department',
  'department.activeHandlers': 'Handlers of this department (active accounts)',
  'department.emptyTitle': 'No open work assigned to this department',
  'department.emptyDescription':
    'Case disposal and incident assignment arrive in the next phase; cases and incidents assigned to this department will then be listed here.',
  'department.notFoundTitle': 'No such department',
  'department.notFound': 'There is no department with code {code}.',

  'field.title': 'Field inspection',
  'field.tasks': 'Verification and check tasks',
  'field.emptyTitle': 'No verification or check tasks',
  'field.emptyDescription':
    'Reporting, verifying and checking cases arrive in the next phase; tasks sent to you will then be listed here.',

  'intake.title': 'Intake desk',
  'intake.queue': 'Reports waiting for intake',
  'intake.emptyTitle': 'No reports waiting for intake',
  'intake.emptyDescription':
    'Case intake arrives in the next phase; reports from the hotline and inspectors will then be listed here.',

  'shift.title': 'Shift lead desk',
  'shift.queue': 'Waiting to be filed or closed',
  'shift.emptyTitle': 'No cases waiting to be filed or closed',
  'shift.emptyDescription':
    'Filing, closing and extension approvals arrive in the next phase; cases waiting for your decision will then be listed here.',

  'audit.title': 'Audit log',
  'audit.subtitle': 'Newest first. The log is append-only: entries cannot be changed or deleted.',
  'audit.filters': 'Filters',
  'audit.from': 'From',
  'audit.to': 'To',
  'audit.actor': 'Actor',
  'audit.actorHint': 'User ID; choose an actor in the table to fill it in',
  'audit.filterActor': 'Show only entries by {name}',
  'audit.showDetail': 'Show content',
  'audit.action': 'Action',
  'audit.actionHint': 'For example auth.login',
  'audit.outcome': 'Outcome',
  'audit.objectType': 'Object type',
  'audit.objectTypeHint': 'For example user',
  'audit.anyOutcome': 'Any outcome',
  'audit.outcome.success': 'Success',
  'audit.outcome.denied': 'Denied',
  'audit.outcome.failure': 'Failure',
  'audit.apply': 'Apply filters',
  'audit.reset': 'Clear filters',
  'audit.rangeInvalid': 'The end time cannot be before the start time.',
  'audit.export': 'Export CSV',
  'audit.exportHint': 'Exports every entry matching the current filters',
  'audit.table': 'Audit entries',
  'audit.col.at': 'Time',
  'audit.col.actor': 'Actor',
  'audit.col.role': 'Role',
  'audit.col.address': 'Address',
  'audit.col.action': 'Action',
  'audit.col.object': 'Object',
  'audit.col.outcome': 'Outcome',
  'audit.col.detail': 'Detail',
  'audit.system': 'System',
  'audit.emptyTitle': 'No audit entries match',
  'audit.emptyDescription': 'Change or clear the filters and try again.',
  'audit.loadMore': 'Load more',
  'audit.loadingMore': 'Loading more…',
  'audit.end': 'All {count} entries shown.',
  'audit.shown': '{count} entries shown.',
}
