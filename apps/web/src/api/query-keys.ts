// One key factory for the whole app: `queryKeys.<entity>.<scope>(…)`.
export const queryKeys = {
  health: {
    all: () => ['health'] as const,
  },
} as const
