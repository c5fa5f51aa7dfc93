import { defineConfig } from 'vitest/config'

// One Vitest run over every workspace; each keeps its own config. `npm test` picks the
// unit projects (domain, ui, web) and the integration project (bff) separately.
export default defineConfig({
  test: {
    projects: ['packages/domain', 'packages/ui', 'apps/web', 'apps/bff'],
  },
})
