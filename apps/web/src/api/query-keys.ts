import type { AuditFilters } from './audit'

// One key factory for the whole app: `queryKeys.<entity>.<scope>(…)`.
export const queryKeys = {
  health: {
    all: () => ['health'] as const,
  },
  session: {
    me: () => ['session', 'me'] as const,
    demo: () => ['session', 'demo'] as const,
  },
  departments: {
    all: () => ['departments'] as const,
    list: () => ['departments', 'list'] as const,
    detail: (code: string) => ['departments', 'detail', code] as const,
  },
  admin: {
    users: () => ['admin', 'users'] as const,
    apiKeys: () => ['admin', 'apiKeys'] as const,
  },
  audit: {
    all: () => ['audit'] as const,
    list: (filters: AuditFilters) => ['audit', 'list', filters] as const,
  },
} as const
